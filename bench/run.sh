#!/usr/bin/env bash
# The benchmark of issue 11: brokle-migrate against Flyway, Liquibase, psql and plain JDBC, on one machine in one
# run, contenders alternating in every round, each `up` on a fresh database of a durable PostgreSQL 15 server.
# Writes the raw timings to target/bench/run-*/ and its section of bench/RESULTS.md. Not part of any test command.
#
# Usage: bench/run.sh [--full] [--rounds R] [--n "N1 N2 ..."] [--only "P1 P3 P4 F"] [--no-install]
#   default (quick):  N = 1,000, 3 rounds, P1-P4 (10-15 minutes on 2 cores)
#   --full:           N = 100, 1,000, 3,000, 5,000, 5 rounds (about 45 minutes on 2 cores)
#   P2 (status) runs with P1, on the databases P1 migrated. F, the floors under the P2 and P3 targets, runs only
#   when named, with P3 for its \copy time: --only "F P3". --no-install reuses the plugin already installed
#   in the private repository target/bench/m2 (see bench/settings.xml: ~/.m2 is read, never written).
# BENCH_NOTE="..." adds a line to the results (e.g. what else ran on the machine).
# BENCH_MAVEN_OPTS="..." runs every Maven contender (plugin, Flyway, Liquibase, no-op) with these JVM flags, e.g.
#   BENCH_MAVEN_OPTS="-XX:+TieredCompilation -XX:TieredStopAtLevel=1"; recorded in the results.
# Needs: Java 17, Maven, PostgreSQL 15 server and client (apt-get install postgresql), node 20, python3, curl.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
export BENCH_DIR ROOT
ns="1000" rounds=3 only="P1 P3 P4" install=1 mode=quick
while [ $# -gt 0 ]; do
  case $1 in
    --full) ns="100 1000 3000 5000" rounds=5 mode=full ;;
    --rounds) rounds=$2; shift ;;
    --n) ns=$2; shift ;;
    --only) only=$2; shift ;;
    --no-install) install=0 ;;
    *) sed -n '2,15p' "$0" >&2; exit 2 ;;
  esac
  shift
done
wants() { [[ " $only " == *" $1 "* ]]; }
CH_MIGRATIONS=${BENCH_CH_MIGRATIONS:-200}
export BENCH_FLYWAY_VERSION=${BENCH_FLYWAY_VERSION:-13.12.0} BENCH_LIQUIBASE_VERSION=${BENCH_LIQUIBASE_VERSION:-4.33.0}
export BENCH_PGJDBC_VERSION=${BENCH_PGJDBC_VERSION:-42.7.4}

B=$ROOT/target/bench
M2=$B/m2
RUN=$B/run-$(date +%Y%m%d-%H%M%S)
mkdir -p "$RUN/logs"
# shellcheck source=lib/pg.sh
source "$BENCH_DIR/lib/pg.sh"
# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
gen() { python3 "$BENCH_DIR/lib/generate.py" "$@"; }
trap 'ch_stop; pg_stop "$B/pg"' EXIT

echo "== build: the plugin of this checkout into the private repository $M2"
if [ "$install" = 1 ]; then
  (cd "$ROOT" && mvn_b install -DskipTests -pl brokle-migrate-maven-plugin -am)
fi
(cd "$ROOT/brokle-migrate-maven-plugin" && mvn_b dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$RUN/runtime.classpath" >/dev/null)
mkdir -p "$RUN/classes"
javac -cp "$(cat "$RUN/runtime.classpath")" -d "$RUN/classes" "$BENCH_DIR/ChJdbc.java" "$BENCH_DIR/Floors.java" \
  2>"$RUN/logs/javac.log" || { cat "$RUN/logs/javac.log" >&2; exit 1; }

echo "== PostgreSQL: private cluster under $B/pg"
pg_start "$B/pg"
{
  echo "mode	$mode (N = $ns; $rounds rounds; $only)"
  echo "started	$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine	$(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/{print $2}') GiB memory"
  echo "load	$(cut -d' ' -f1-3 /proc/loadavg) (1/5/15-minute load average at the start)"
  [ -z "${BENCH_NOTE:-}" ] || echo "note	$BENCH_NOTE"
  echo "java	$(java -version 2>&1 | head -1)"
  echo "maven	$(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
  echo "maven-opts	${BENCH_MAVEN_OPTS:-none (JVM defaults; BENCH_MAVEN_OPTS unset)}"
  echo "postgres	$(pg_settings) (Debian server, private cluster started by bench/run.sh)"
  echo "plugin	main code at $(git -C "$ROOT" log -1 --format='%h (%cs)' -- brokle-migrate-maven-plugin/src/main), checkout $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- brokle-migrate-maven-plugin || echo ' with uncommitted changes')"
  echo "contenders	flyway-maven-plugin $BENCH_FLYWAY_VERSION + flyway-database-postgresql; liquibase-maven-plugin $BENCH_LIQUIBASE_VERSION; PostgreSQL JDBC $BENCH_PGJDBC_VERSION; $(psql --version)"
} > "$RUN/meta.tsv"
cat "$RUN/meta.tsv"

pg_url() { echo "jdbc:postgresql://127.0.0.1:$PGPORT/$1"; }
brokle_pg() { # brokle_pg GOAL DB [ARGS...]
  local goal=$1 db=$2; shift 2
  echo mvn_b -o "brokle-migrate:$goal" -Dbrokle.migrate.db=postgres -Dbrokle.migrate.postgres.url="$(pg_url "$db")" \
    -Dbrokle.migrate.postgres.username=postgres "$@"
}

# Contender commands for P1/P2: the project folder, then the command (run through `eval` so mvn_b is a function).
contender() { # contender NAME DB N
  local p=$PROJ/$3
  case $1 in
    noop)          echo "$PROJ/noop" "mvn_b -o validate" ;;
    psql-floor)    echo "$p" "psql -X -q -v ON_ERROR_STOP=1 -d $2 -f floor.sql" ;;
    brokle-up)     echo "$p/brokle" "$(brokle_pg up "$2")" ;;
    flyway-migrate) echo "$p/flyway" "mvn_b -o flyway:migrate -Dbench.url=$(pg_url "$2")" ;;
    liquibase-update) echo "$p/liquibase" "mvn_b -o liquibase:update -Dbench.url=$(pg_url "$2")" ;;
    brokle-status) echo "$p/brokle" "$(brokle_pg status "$2")" ;;
    flyway-info)   echo "$p/flyway" "mvn_b -o flyway:info -Dbench.url=$(pg_url "$2")" ;;
    liquibase-status) echo "$p/liquibase" "mvn_b -o liquibase:status -Dbench.url=$(pg_url "$2")" ;;
  esac
}
run_contender() { # run_contender GROUP NAME DB N ROUND
  local dir cmd
  read -r dir cmd < <(contender "$2" "$3" "$4")
  measure "$1" "$2" "$4" "$5" "$dir" -- bash -c "$(declare -f mvn_b); $cmd"
}
export M2

PROJ=$B/projects
rm -rf "$PROJ" && mkdir -p "$PROJ"
gen noop "$PROJ"

echo "== warm-up (online once: resolves every contender into the private repository; also a smoke test)"
gen pg 3 "$PROJ/3"
warm() { local dir cmd; read -r dir cmd < <(contender "$1" "$2" 3); (cd "$dir" && eval "${cmd/ -o / }") \
  >"$RUN/logs/warmup-$1.log" 2>&1 || { echo "warm-up of $1 failed: $RUN/logs/warmup-$1.log" >&2; tail -20 "$RUN/logs/warmup-$1.log" >&2; exit 1; }; }
warm noop x
for c in brokle flyway liquibase; do
  pg_fresh "warm_$c"
  case $c in brokle) warm brokle-up warm_brokle; warm brokle-status warm_brokle ;;
             flyway) warm flyway-migrate warm_flyway; warm flyway-info warm_flyway ;;
             liquibase) warm liquibase-update warm_liquibase; warm liquibase-status warm_liquibase ;; esac
  expect_count "warm_$c" "$(tables_in)" 3 "warm-up of $c"
  pg_drop "warm_$c"
done

if wants P1; then
  for n in $ns; do
    echo "== P1/P2: $n migrations of three statements"
    gen pg "$n" "$PROJ/$n"
    for r in $(seq 1 "$rounds"); do
      run_contender P1 noop x "$n" "$r"
      for c in psql-floor brokle-up flyway-migrate liquibase-update; do
        db="p1_${c//-/_}_$r"
        pg_fresh "$db"
        run_contender P1 "$c" "$db" "$n" "$r"
        expect_count "$db" "$(tables_in)" "$n" "$c N=$n"
      done
      for c in brokle-status:brokle_up flyway-info:flyway_migrate liquibase-status:liquibase_update; do
        run_contender P2 "${c%%:*}" "p1_${c##*:}_$r" "$n" "$r"
      done
      for c in psql_floor brokle_up flyway_migrate liquibase_update; do pg_drop "p1_${c}_$r"; done
    done
    rm -rf "${PROJ:?}/$n"
  done
fi

if wants P3; then source "$BENCH_DIR/lib/p3.sh"; fi
if wants F; then source "$BENCH_DIR/lib/floors.sh"; fi
if wants P4; then source "$BENCH_DIR/lib/p4.sh"; fi

python3 "$BENCH_DIR/report.py" "$RUN" "${BENCH_RESULTS:-$BENCH_DIR/RESULTS.md}"
echo "== results: $RUN/results.tsv; summary written to ${BENCH_RESULTS:-bench/RESULTS.md}"
