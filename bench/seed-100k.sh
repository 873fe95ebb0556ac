#!/usr/bin/env bash
# Issue 10: seed a 10,000-row YAML seed and a 100,000-row CSV seed ({csv: ...}) and load the same rows with
# psql \copy; also time the Maven no-op (mvn -o validate on a project that declares the plugin). Each seed runs in a
# fresh JVM, as in `mvn brokle-migrate:seed`; the summary gives medians, min-max and the ratios
# (no-op + seed) / (no-op + \copy) the issue sets targets for (YAML <= 1.5x, CSV <= 1.3x).
# A benchmark, not a test: no timing is asserted anywhere. Results: bench/RESULTS.md.
# Needs Java 17, Maven and the psql client (Debian: postgresql-client). The machine should be otherwise idle.
# Usage: bench/seed-100k.sh [yamlRows=10000] [csvRows=100000] [rounds=5] [--yaml-big]
#        (--yaml-big adds one 100,000-row YAML seed as a figure; MAVEN_ARGS=-o to stay offline;
#        BENCH_JAVA_OPTS=-Dbench.verbose prints the seeds' progress lines)
set -euo pipefail
cd "$(dirname "$0")/../brokle-migrate-maven-plugin"
command -v psql >/dev/null || { echo "psql not found: install the PostgreSQL client (apt-get install postgresql-client)" >&2; exit 1; }
mvn -B -q ${MAVEN_ARGS:-} test-compile
mvn -B -q ${MAVEN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    ai.brokle.migrate.bench.CopyVsSeedBenchmark "$@"
