#!/usr/bin/env bash
# Benchmark: engine time of `validate` (offline lint) over N generated migration files (default 1000: half
# PostgreSQL, half ClickHouse, up/down pairs), first run in a fresh JVM and warm median. No database.
# Usage: bench/validate-files.sh [N]
set -euo pipefail
n=${1:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -q -o -f "$root/brokle-migrate-maven-plugin" test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$root/brokle-migrate-maven-plugin/target/test-classes:$root/brokle-migrate-maven-plugin/target/classes:$(cat "$work/cp.txt")"
java -cp "$cp" ai.brokle.migrate.bench.ValidateBenchmark "$n"
