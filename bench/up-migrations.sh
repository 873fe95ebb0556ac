#!/usr/bin/env bash
# Benchmark: `mvn brokle-migrate:up` of N generated PostgreSQL migrations, against psql running the same files (one
# transaction per file, one session) plus Maven's own start-up. Prints the three times and the ratio.
# Usage: bench/up-migrations.sh [N]   (run `mvn -B -q install -DskipTests` first)
set -euo pipefail
n=${1:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null || true; rm -rf "$work"' EXIT

mvn -B -q -f "$root/brokle-migrate-maven-plugin" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$root/brokle-migrate-maven-plugin/target/test-classes:$root/brokle-migrate-maven-plugin/target/classes:$(cat "$work/cp.txt")"
mkfifo "$work/stdin"
java -cp "$cp" ai.brokle.migrate.testing.BenchPostgres "$work/port" bench_psql bench_plugin < "$work/stdin" > "$work/pg.log" 2>&1 &
exec 3> "$work/stdin"
for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
db_prefix=$(awk '/^bench_psql /{print $2}' "$work/pg.log" | sed 's#.*/##')
db_plugin=$(awk '/^bench_plugin /{print $2}' "$work/pg.log" | sed 's#.*/##')

project="$work/project"
mkdir -p "$project/migrations"
cat > "$project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>ai.brokle</groupId><artifactId>brokle-migrate-maven-plugin</artifactId>
    <version>0.1.0-SNAPSHOT</version>
  </plugin></plugins></build>
</project>
POM
for i in $(seq 1 "$n"); do
  v=$(printf '%06d' "$i")
  cat > "$project/migrations/${v}_table_$i.up.sql" <<SQL
CREATE TABLE table_$i (id VARCHAR(26) PRIMARY KEY, name TEXT NOT NULL, created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX idx_table_${i}_name ON table_$i (name);
SQL
  echo "DROP TABLE IF EXISTS table_$i;" > "$project/migrations/${v}_table_$i.down.sql"
done

now() { date +%s.%N; }
t0=$(now)
for f in "$project"/migrations/*.up.sql; do printf 'BEGIN;\n'; cat "$f"; printf 'COMMIT;\n'; done \
  | psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$port" -U postgres -d "$db_prefix" >/dev/null
t1=$(now)
(cd "$project" && mvn -B -q -N validate >/dev/null)
t2=$(now)
(cd "$project" && mvn -B -q brokle-migrate:up -Dbrokle.migrate.db=postgres \
   -Dbrokle.migrate.postgres.url="jdbc:postgresql://localhost:$port/$db_plugin" \
   -Dbrokle.migrate.postgres.username=postgres >/dev/null)
t3=$(now)

psql_s=$(echo "$t1 - $t0" | bc -l); maven_s=$(echo "$t2 - $t1" | bc -l); plugin_s=$(echo "$t3 - $t2" | bc -l)
printf 'migrations:           %d\n' "$n"
printf 'psql (same files):    %.2f s\n' "$psql_s"
printf 'maven start-up:       %.2f s\n' "$maven_s"
printf 'brokle-migrate:up:    %.2f s\n' "$plugin_s"
printf 'ratio plugin / (psql + maven): %.2f (target <= 1.3)\n' "$(echo "$plugin_s / ($psql_s + $maven_s)" | bc -l)"
