#!/usr/bin/env bash
# Issue 5, item 9: seed 100,000 generated rows and load the same rows with psql \copy; print the times and ratios.
# Each round seeds twice: cold, one seed in a fresh JVM (what `mvn brokle-migrate:seed` does), and warm, in this JVM
# after warm-up seeds; the last line gives the medians. A benchmark, not a test: no timing is asserted anywhere.
# Needs Java 17, Maven and the psql client (Debian: postgresql-client). The machine should be otherwise idle.
# Usage: bench/seed-100k.sh [rows=100000] [rounds=3]      (MAVEN_ARGS=-o to stay offline;
#        BENCH_JAVA_OPTS=-Dbench.verbose prints the seeds' progress lines)
set -euo pipefail
cd "$(dirname "$0")/../brokle-migrate-maven-plugin"
command -v psql >/dev/null || { echo "psql not found: install the PostgreSQL client (apt-get install postgresql-client)" >&2; exit 1; }
mvn -B -q ${MAVEN_ARGS:-} test-compile
mvn -B -q ${MAVEN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    ai.brokle.migrate.bench.CopyVsSeedBenchmark "$@"
