#!/usr/bin/env bash
# Issue 5, item 9: seed 100,000 generated rows and load the same rows with psql \copy; print both times.
# A benchmark, not a test. Needs Java 17, Maven and the psql client (Debian: postgresql-client).
# Usage: bench/seed-100k.sh [rows=100000] [rounds=3]      (MAVEN_ARGS=-o to stay offline)
set -euo pipefail
cd "$(dirname "$0")/../brokle-migrate-maven-plugin"
command -v psql >/dev/null || { echo "psql not found: install the PostgreSQL client (apt-get install postgresql-client)" >&2; exit 1; }
mvn -B -q ${MAVEN_ARGS:-} test-compile
mvn -B -q ${MAVEN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    ai.brokle.migrate.bench.CopyVsSeedBenchmark "$@"
