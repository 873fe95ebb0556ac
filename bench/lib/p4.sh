# P4, sourced by bench/run.sh: ClickHouse `up` of CH_MIGRATIONS migrations (two statements each) on the project's
# chdb endpoint, against the same statements over plain JDBC from one process, with and without the bookkeeping
# inserts a migration needs. Each run's requests are cut from the endpoint's --verbose log into requests-*.log.
echo "== P4: ClickHouse, $CH_MIGRATIONS migrations of two statements, on the chdb endpoint"
ch_start "$B/ch"
gen ch "$CH_MIGRATIONS" "$PROJ"
CHP=$PROJ/brokle-ch
ch_url() { echo "jdbc:clickhouse:http://127.0.0.1:$CH_PORT/$1"; }
brokle_ch() { # brokle_ch DB
  echo mvn_b -o brokle-migrate:up -Dbrokle.migrate.db=clickhouse -Dbrokle.migrate.clickhouse.url="$(ch_url "$1")" \
    -Dbrokle.migrate.clickhouse.username=default
}
ch_fresh() { ch_query "DROP DATABASE IF EXISTS $1" >/dev/null; ch_query "CREATE DATABASE $1" >/dev/null; }
ch_tables() { ch_query "SELECT count() FROM system.tables WHERE database = '$1' AND name LIKE 'ch\\_%'"; }
jdbc_cmd() { echo java -cp "$RUN/classes:$(cat "$RUN/runtime.classpath")" ChJdbc "$(ch_url "$1")" "$CHP/migrations/clickhouse" "$2"; }
ch_run() { # ch_run NAME ROUND DB -- COMMAND: measure, check, and keep the run's requests
  local name=$1 r=$2 db=$3 before; shift 4
  before=$(wc -l < "$B/ch/requests.log")
  measure P4 "$name" "$CH_MIGRATIONS" "$r" "$CHP" -- "$@"
  sleep 0.2 # the endpoint logs a request when its answer is sent
  tail -n +"$((before + 1))" "$B/ch/requests.log" > "$RUN/requests-$name-$r.log"
  [ "$db" = - ] || [ "$(ch_tables "$db")" = "$CH_MIGRATIONS" ] \
    || { echo "CHECK FAILED: $name: expected $CH_MIGRATIONS tables in $db, got $(ch_tables "$db")" >&2; exit 1; }
}

# warm-up: resolve the ClickHouse path of the plugin (smoke test, not timed)
ch_fresh p4_warm
(cd "$CHP" && eval "$(brokle_ch p4_warm | sed 's/ -o / /')") >"$RUN/logs/warmup-p4.log" 2>&1 \
  || { echo "P4 warm-up failed: $RUN/logs/warmup-p4.log" >&2; tail -20 "$RUN/logs/warmup-p4.log" >&2; exit 1; }
ch_query "DROP DATABASE p4_warm" >/dev/null

for r in $(seq 1 "$rounds"); do
  run_contender P4 noop x "$CH_MIGRATIONS" "$r"
  ch_fresh p4_plain
  ch_run jdbc-plain "$r" p4_plain -- $(jdbc_cmd p4_plain plain)
  ch_fresh p4_books
  ch_run jdbc-bookkeeping "$r" p4_books -- $(jdbc_cmd p4_books bookkeeping)
  ch_fresh p4_brokle
  ch_run brokle-up-ch "$r" p4_brokle -- bash -c "$(declare -f mvn_b); $(brokle_ch p4_brokle)"
  for db in p4_plain p4_books p4_brokle; do ch_query "DROP DATABASE $db" >/dev/null; done
done
ch_stop
