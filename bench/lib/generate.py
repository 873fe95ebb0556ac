#!/usr/bin/env python3
"""Generates the benchmark's inputs: the same migrations for every contender, seeds, and the Maven projects.

  generate.py pg N OUT        OUT/{brokle,flyway,liquibase}/ projects and OUT/floor.sql (psql floor)
  generate.py ch N OUT        OUT/brokle-ch/ project with N ClickHouse migrations of two statements each
  generate.py seed ROWS OUT   OUT/seeds/users-ROWS.{yaml,csv} and OUT/seeds/users-ROWS-csv.yaml (a CSV seed entry)
  generate.py noop OUT        OUT/noop/ project that only declares the plugin
Versions of the contenders come from the environment (see bench/run.sh)."""
import os
import sys
from datetime import datetime, timedelta
from pathlib import Path

PLUGIN_VERSION = os.environ.get("BENCH_PLUGIN_VERSION", "0.1.0-SNAPSHOT")
FLYWAY = os.environ.get("BENCH_FLYWAY_VERSION", "13.12.0")
LIQUIBASE = os.environ.get("BENCH_LIQUIBASE_VERSION", "4.33.0")
PGJDBC = os.environ.get("BENCH_PGJDBC_VERSION", "42.7.4")
ORGANIZATION = "01HK0000000000000000BENCH0"


def pom(artifact, plugin):
    return f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>{artifact}</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins>
{plugin}
  </plugins></build>
</project>
"""


BROKLE_PLUGIN = f"""    <plugin>
      <groupId>ai.brokle</groupId><artifactId>brokle-migrate-maven-plugin</artifactId><version>{PLUGIN_VERSION}</version>
    </plugin>"""

PGJDBC_DEP = f"""<dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>{PGJDBC}</version></dependency>"""

FLYWAY_PLUGIN = f"""    <plugin>
      <groupId>org.flywaydb</groupId><artifactId>flyway-maven-plugin</artifactId><version>{FLYWAY}</version>
      <configuration>
        <url>${{bench.url}}</url><user>postgres</user><password></password>
        <locations><location>filesystem:${{project.basedir}}/sql</location></locations>
      </configuration>
      <dependencies>
        <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId><version>{FLYWAY}</version></dependency>
        {PGJDBC_DEP}
      </dependencies>
    </plugin>"""

LIQUIBASE_PLUGIN = f"""    <plugin>
      <groupId>org.liquibase</groupId><artifactId>liquibase-maven-plugin</artifactId><version>{LIQUIBASE}</version>
      <configuration>
        <url>${{bench.url}}</url><username>postgres</username><password></password>
        <changeLogFile>changelog.xml</changeLogFile><searchPath>${{project.basedir}}</searchPath>
      </configuration>
      <dependencies>
        {PGJDBC_DEP}
      </dependencies>
    </plugin>"""


def statements(i):
    """The three statements of PostgreSQL migration i, the same for every contender."""
    return [
        f"CREATE TABLE table_{i} (id VARCHAR(26) PRIMARY KEY, name TEXT NOT NULL, "
        f"created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);",
        f"CREATE INDEX idx_table_{i}_name ON table_{i} (name);",
        f"COMMENT ON TABLE table_{i} IS 'bench migration {i}';",
    ]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def pg(n, out):
    write(out / "brokle/pom.xml", pom("brokle", BROKLE_PLUGIN))
    write(out / "flyway/pom.xml", pom("flyway", FLYWAY_PLUGIN))
    write(out / "liquibase/pom.xml", pom("liquibase", LIQUIBASE_PLUGIN))
    write(out / "liquibase/changelog.xml", """<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
  <includeAll path="changes/" relativeToChangelogFile="true"/>
</databaseChangeLog>
""")
    floor = ["CREATE TABLE versions (version bigint PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());"]
    for i in range(1, n + 1):
        sql = "\n".join(statements(i)) + "\n"
        v = f"{i:06d}"
        write(out / f"brokle/migrations/{v}_table_{i}.up.sql", sql)
        write(out / f"brokle/migrations/{v}_table_{i}.down.sql", f"DROP TABLE IF EXISTS table_{i};\n")
        write(out / f"flyway/sql/V{i}__table_{i}.sql", sql)
        write(out / f"liquibase/changes/{v}_table_{i}.sql",
              f"--liquibase formatted sql\n--changeset bench:{i}\n{sql}--rollback DROP TABLE IF EXISTS table_{i};\n")
        floor.append(f"BEGIN;\n{sql}INSERT INTO versions (version) VALUES ({i});\nCOMMIT;")
    write(out / "floor.sql", "\n".join(floor) + "\n")


def ch(n, out):
    write(out / "brokle-ch/pom.xml", pom("brokle-ch", BROKLE_PLUGIN))
    for i in range(1, n + 1):
        v = f"{i:06d}"
        write(out / f"brokle-ch/migrations/clickhouse/{v}_ch_{i}.up.sql",
              f"CREATE TABLE ch_{i} (id UInt64, name String, created_at DateTime DEFAULT now()) "
              f"ENGINE = MergeTree ORDER BY id;\n"
              f"ALTER TABLE ch_{i} ADD COLUMN note String DEFAULT '';\n")
        write(out / f"brokle-ch/migrations/clickhouse/{v}_ch_{i}.down.sql", f"DROP TABLE IF EXISTS ch_{i};\n")


def seed(rows, out):
    seeds = out / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    start = datetime(2024, 1, 1)
    header = ("id,email,password_hash,name,timezone,is_active,default_organization_id,preferences,created_at")
    with open(seeds / f"users-{rows}.yaml", "w") as y, open(seeds / f"users-{rows}.csv", "w") as c:
        y.write("# generated by bench/lib/generate.py\nusers:\n")
        c.write(header + "\n")
        for i in range(rows):
            uid = f"01HZ{i:022d}"
            created = (start + timedelta(seconds=37 * i)).isoformat()
            active = "true" if i % 10 else "false"
            name = f"O'Brien; DROP TABLE users; -- {i}" if i % 1000 == 0 else f"User {i}"
            y.write(f"  - id: {uid}\n    email: user{i}@bench.example\n"
                    f"    password_hash: \"$2a$10$benchbenchbenchbenchbenchbenchbenchbenchbenchbench\"\n"
                    f"    name: \"{name}\"\n    timezone: Europe/Berlin\n    is_active: {active}\n"
                    f"    default_organization_id: {ORGANIZATION}\n"
                    f"    preferences: {{theme: dark, digest: weekly, n: {i}}}\n    created_at: {created}Z\n")
            c.write(f"{uid},user{i}@bench.example,$2a$10$benchbenchbenchbenchbenchbenchbenchbenchbenchbench,"
                    f"\"{name}\",Europe/Berlin,{active},{ORGANIZATION},"
                    f"\"{{\"\"theme\"\": \"\"dark\"\", \"\"digest\"\": \"\"weekly\"\", \"\"n\"\": {i}}}\",{created}\n")
    # The CSV entry names the file relative to the project (seeds/...); a link makes it resolve relative to the
    # seed file's folder too, whichever the build in test chooses.
    write(seeds / f"users-{rows}-csv.yaml", f"users: {{csv: seeds/users-{rows}.csv}}\n")
    link = seeds / "seeds"
    if not link.exists():
        link.symlink_to(".")


def main():
    kind, args = sys.argv[1], sys.argv[2:]
    if kind == "pg":
        pg(int(args[0]), Path(args[1]))
    elif kind == "ch":
        ch(int(args[0]), Path(args[1]))
    elif kind == "seed":
        seed(int(args[0]), Path(args[1]))
    elif kind == "noop":
        write(Path(args[0]) / "noop/pom.xml", pom("noop", BROKLE_PLUGIN))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
