# Helpers for bench/run.sh: Maven with the private repository, timing with /usr/bin/time, the ClickHouse endpoint.

# mvn_b [-o] ARGS...: Maven as every contender runs it: batch, quiet, the bench settings and the private repository,
# and the JVM flags of BENCH_MAVEN_OPTS (when set, the MAVEN_OPTS of every Maven run, so every contender gets them).
mvn_b() {
  if [ -n "${BENCH_MAVEN_OPTS:-}" ]; then
    MAVEN_OPTS="$BENCH_MAVEN_OPTS" mvn -B -q -s "$BENCH_DIR/settings.xml" -Dmaven.repo.local="$M2" "$@"
  else
    mvn -B -q -s "$BENCH_DIR/settings.xml" -Dmaven.repo.local="$M2" "$@"
  fi
}

# measure GROUP CONTENDER N ROUND DIR -- COMMAND...: runs COMMAND in DIR under /usr/bin/time; appends
# wall seconds, peak RSS (KiB), user and system CPU seconds and the 1-minute load average before it to results.tsv; a failure stops the benchmark.
measure() {
  local group=$1 name=$2 n=$3 round=$4 dir=$5; shift 6
  local log="$RUN/logs/$group-$name-$n-$round.log" load
  load=$(cut -d' ' -f1 /proc/loadavg)
  if ! (cd "$dir" && /usr/bin/time -f '%e %M %U %S' -o "$RUN/time.out" "$@") >"$log" 2>&1; then
    echo "FAILED: $group $name N=$n round $round; log: $log" >&2
    tail -25 "$log" >&2
    exit 1
  fi
  local wall rss user sys
  read -r wall rss user sys < <(tail -1 "$RUN/time.out")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$group" "$name" "$n" "$round" "$wall" "$rss" "$user" "$sys" "$load" \
    >> "$RUN/results.tsv"
  printf '  %-4s %-22s N=%-6s round %s: %7.2f s  %6d MiB\n' "$group" "$name" "$n" "$round" "$wall" $((rss / 1024))
}

# expect_count DB SQL EXPECTED WHAT: checks a contender's outcome (outside the timing).
expect_count() {
  local got
  got=$(psql -X -At -d "$1" -c "$2")
  [ "$got" = "$3" ] || { echo "CHECK FAILED: $4: expected $3, got $got (database $1)" >&2; exit 1; }
}

tables_in() { echo "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'table\\_%'"; }

# ClickHouse: the project's chdb endpoint (it/clickhouse-endpoint), one request per log line with --verbose.
ch_start() { # ch_start DIR: sets CH_PORT; the request log is DIR/requests.log
  local ep="$ROOT/it/clickhouse-endpoint" dir=$1
  [ -d "$ep/node_modules/chdb" ] || (cd "$ep" && npm ci --no-audit --no-fund)
  rm -rf "$dir" && mkdir -p "$dir"
  node "$ep/server.js" --port 0 --data "$dir/data" --ready-file "$dir/port" --verbose 2>"$dir/requests.log" &
  CH_PID=$!
  for _ in $(seq 1 600); do [ -s "$dir/port" ] && break; sleep 0.1; done
  [ -s "$dir/port" ] || { echo "the ClickHouse endpoint did not start: $dir/requests.log" >&2; exit 1; }
  CH_PORT=$(cat "$dir/port")
}

ch_stop() { [ -n "${CH_PID:-}" ] && kill "$CH_PID" 2>/dev/null && wait "$CH_PID" 2>/dev/null; CH_PID=; }

ch_query() { curl -sS --fail-with-body --data-binary "$1" "http://127.0.0.1:$CH_PORT/?database=${2:-default}"; }
