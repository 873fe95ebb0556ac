# P3, sourced by bench/run.sh: `mvn brokle-migrate:seed` against psql \copy of the same rows plus the Maven no-op.
# A 10,000-row YAML seed, and a 100,000-row CSV seed (`users: {csv: seeds/users-100000.csv}`) where the plugin
# under test accepts CSV entries; each load into a fresh copy of a database migrated with the repository's migrations.
YAML_ROWS=${BENCH_YAML_ROWS:-10000}
CSV_ROWS=${BENCH_CSV_ROWS:-100000}
SEEDP=$PROJ/noop
USER_COLUMNS="id, email, password_hash, name, timezone, is_active, default_organization_id, preferences, created_at"
seed_cmd() { # seed_cmd DB SEEDFILE
  brokle_pg seed "$1" -Dbrokle.migrate.postgres.dir="$ROOT/migrations" -Dbrokle.migrate.seedFile="$2"
}
users_in() { echo "SELECT count(*) FROM users"; }

echo "== P3: seeds ($YAML_ROWS-row YAML, $CSV_ROWS-row CSV) against psql \\copy"
pg_fresh p3_template
(cd "$SEEDP" && eval "$(brokle_pg up p3_template -Dbrokle.migrate.postgres.dir="$ROOT/migrations")") \
  >"$RUN/logs/p3-template.log" 2>&1 || { echo "migrating the P3 template failed: $RUN/logs/p3-template.log" >&2; exit 1; }
psql -X -q -d p3_template -c "INSERT INTO organizations (id, name, slug) VALUES ('01HK0000000000000000BENCH0', 'Bench', 'bench')"
gen seed "$YAML_ROWS" "$SEEDP"
gen seed "$CSV_ROWS" "$SEEDP"
gen seed 10 "$SEEDP"

# Does this build accept a CSV seed entry? Probe with 10 rows, online (resolves nothing new), outside the timing.
pg_fresh p3_probe p3_template
if (cd "$SEEDP" && eval "$(seed_cmd p3_probe seeds/users-10-csv.yaml)") >"$RUN/logs/p3-csv-probe.log" 2>&1 \
   && [ "$(psql -X -At -d p3_probe -c "$(users_in)")" = 10 ]; then
  csv=available
else
  csv="not available in this build: $(sed 's/\x1b\[[0-9;]*m//g' "$RUN/logs/p3-csv-probe.log" | grep -m1 -E 'ERROR|Exception' \
    | sed 's/.*on project [a-z]*: //' | cut -c1-160)"
fi
pg_drop p3_probe
printf 'csv-seed\t%s\n' "$csv" >> "$RUN/meta.tsv"
echo "  CSV seed: $csv"

for r in $(seq 1 "$rounds"); do
  run_contender P3 noop x "$YAML_ROWS" "$r"
  pg_fresh p3_copy p3_template
  measure P3 psql-copy-yaml-rows "$YAML_ROWS" "$r" "$SEEDP" -- psql -X -q -v ON_ERROR_STOP=1 -d p3_copy \
    -c "\\copy users ($USER_COLUMNS) FROM 'seeds/users-$YAML_ROWS.csv' WITH (FORMAT csv, HEADER true)"
  expect_count p3_copy "$(users_in)" "$YAML_ROWS" "psql \\copy"
  pg_fresh p3_seed p3_template
  measure P3 brokle-seed-yaml "$YAML_ROWS" "$r" "$SEEDP" -- bash -c "$(declare -f mvn_b); $(seed_cmd p3_seed "seeds/users-$YAML_ROWS.yaml")"
  expect_count p3_seed "$(users_in)" "$YAML_ROWS" "brokle-migrate:seed YAML"

  pg_fresh p3_copy p3_template
  measure P3 psql-copy-csv-rows "$CSV_ROWS" "$r" "$SEEDP" -- psql -X -q -v ON_ERROR_STOP=1 -d p3_copy \
    -c "\\copy users ($USER_COLUMNS) FROM 'seeds/users-$CSV_ROWS.csv' WITH (FORMAT csv, HEADER true)"
  expect_count p3_copy "$(users_in)" "$CSV_ROWS" "psql \\copy"
  if [ "$csv" = available ]; then
    pg_fresh p3_seed p3_template
    measure P3 brokle-seed-csv "$CSV_ROWS" "$r" "$SEEDP" -- bash -c "$(declare -f mvn_b); $(seed_cmd p3_seed "seeds/users-$CSV_ROWS-csv.yaml")"
    expect_count p3_seed "$(users_in)" "$CSV_ROWS" "brokle-migrate:seed CSV"
  fi
  if [ "$mode" = full ]; then # the figure of the former seed-100k harness: the same rows as YAML
    pg_fresh p3_seed p3_template
    measure P3 brokle-seed-yaml-big "$CSV_ROWS" "$r" "$SEEDP" -- bash -c "$(declare -f mvn_b); $(seed_cmd p3_seed "seeds/users-$CSV_ROWS.yaml")"
    expect_count p3_seed "$(users_in)" "$CSV_ROWS" "brokle-migrate:seed YAML ($CSV_ROWS rows)"
  fi
done
pg_drop p3_copy; pg_drop p3_seed; pg_drop p3_template
