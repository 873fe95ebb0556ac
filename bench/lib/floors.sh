# F, sourced by bench/run.sh (--only F, with P3 for the \copy time): the floors under issue 11's P2 and P3 targets.
# Each round runs the Maven no-op, `brokle-migrate:help` (Maven resolves the plugin and builds its class realm,
# nothing opens) and, each in a fresh JVM of the plugin's runtime classpath, one piece of work that `status` or
# `seed` must do (bench/Floors.java) next to `empty`, the same JVM doing nothing. report.py adds them up.
FN=${BENCH_FLOOR_N:-1000}
FY=${BENCH_YAML_ROWS:-10000}
echo "== F: floors of status with $FN applied and of a $FY-row YAML seed"
gen seed "$FY" "$PROJ/noop"
gen pg "$FN" "$PROJ/floors-$FN"
FDIR=$PROJ/floors-$FN/brokle
pg_fresh f_applied
(cd "$FDIR" && eval "$(brokle_pg up f_applied)") >"$RUN/logs/f-applied.log" 2>&1 \
  || { echo "migrating the floors database failed: $RUN/logs/f-applied.log" >&2; exit 1; }
expect_count f_applied "$(tables_in)" "$FN" "floors database"
floor_cmd() { echo java -cp "$RUN/classes:$(cat "$RUN/runtime.classpath")" Floors "$@"; }
for r in $(seq 1 "$rounds"); do
  run_contender F noop x "$FN" "$r"
  measure F brokle-help "$FN" "$r" "$PROJ/noop" -- bash -c "$(declare -f mvn_b); mvn_b -o brokle-migrate:help"
  measure F java-empty "$FN" "$r" "$PROJ" -- $(floor_cmd empty)
  measure F java-yaml-events "$FN" "$r" "$PROJ/noop" -- $(floor_cmd yaml-events "seeds/users-$FY.yaml")
  measure F java-yaml-compose "$FN" "$r" "$PROJ/noop" -- $(floor_cmd yaml-compose "seeds/users-$FY.yaml")
  measure F java-checksums "$FN" "$r" "$FDIR" -- $(floor_cmd checksums migrations)
  measure F java-history "$FN" "$r" "$FDIR" -- $(floor_cmd history "$(pg_url f_applied)" postgres)
  measure F java-select "$FN" "$r" "$FDIR" -- $(floor_cmd select "$(pg_url f_applied)" postgres)
  measure F brokle-status "$FN" "$r" "$FDIR" -- bash -c "$(declare -f mvn_b); $(brokle_pg status f_applied)"
done
pg_drop f_applied
