package ai.brokle.migrate.it;

import ai.brokle.migrate.it.BadInputCorpus.Case;
import ai.brokle.migrate.it.MavenProject.BuildResult;
import ai.brokle.migrate.testing.TestClickHouse;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs each row of the {@link BadInputCorpus} as one real {@code mvn -B} build. Every row must fail the build (or,
 * where that is the documented behaviour, succeed) with a message that names the file or parameter and the fix, and
 * must leave the database as it found it: no migration recorded, no object created, no file written. Rows whose input
 * is rejected before any connection must leave the database entirely untouched (not even the tracking tables).
 */
class BadInputIT {

    private static final String TRACKING = "'databasechangelog', 'databasechangeloglock', 'schema_migrations'";

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("ai.brokle.migrate.it.BadInputCorpus#corpus")
    void failsWithAClearMessageAndChangesNothing(Case c) throws Exception {
        MavenProject project = MavenProject.copyOf("sample");
        c.files.forEach((path, bytes) -> write(project.dir.resolve(path), bytes));
        String url = c.postgres ? TestPostgres.newDatabase("bad") : TestClickHouse.newDatabase("bad");
        Map<String, String> values = Map.of("{port}", String.valueOf(c.postgres ? TestPostgres.port()
                : TestClickHouse.port()), "{db}", url.substring(url.lastIndexOf('/') + 1), "{free}",
                String.valueOf(freePort()), "{url}", url);
        if (c.afterUp) {
            project.run(c.args(values, "up", false)).assertSuccess();
        }
        Snapshot before = snapshot(c, url, project);

        BuildResult result = project.run(c.args(values, c.goal, true));
        if (c.succeeds) {
            result.assertSuccess();
        } else {
            result.assertFailure().assertLogContains("BUILD FAILURE");
        }
        c.expected.forEach(result::assertLogContains);
        c.lacks.forEach(result::assertLogLacks);
        result.assertLogLacks(TestPostgres.PASSWORD);

        Snapshot after = snapshot(c, url, project);
        assertEquals(before.objects, after.objects, c.name + ": no object may be created or dropped");
        assertEquals(before.records, after.records, c.name + ": no migration may be recorded or unrecorded");
        assertEquals(before.files, after.files, c.name + ": no migration file may be written");
        if (!c.afterUp) {
            assertEquals(List.of(), after.objects, c.name + ": no object may be created");
            assertEquals(List.of(), after.records, c.name + ": no migration may be recorded");
        }
        if (c.untouched) {
            assertEquals(before.tables, after.tables, c.name + ": rejected before connecting, so not even a "
                    + "tracking table may appear");
        }
    }

    // ---- state ------------------------------------------------------------------------------------------------

    /**
     * @param tables  every table of the database (tracking tables included)
     * @param objects user objects: tables, views, functions, types, sequences (tracking tables excluded)
     * @param records DATABASECHANGELOG ids and the schema_migrations rows
     * @param files   the project's migration files with their sizes
     */
    record Snapshot(List<String> tables, List<String> objects, List<String> records, List<String> files) {
    }

    private static Snapshot snapshot(Case c, String url, MavenProject project) throws SQLException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(project.dir.resolve("migrations"))) {
            for (Path path : (Iterable<Path>) paths.sorted()::iterator) {
                if (Files.isRegularFile(path)) {
                    files.add(project.dir.relativize(path) + " " + Files.size(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (c.postgres) {
            try (Connection connection = TestPostgres.connect(url)) {
                List<String> tables = strings(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                        + "ORDER BY 1");
                List<String> objects = strings(connection, "SELECT kind || ' ' || name FROM ("
                        + "SELECT 'relation' AS kind, c.relname AS name FROM pg_class c JOIN pg_namespace n ON "
                        + "n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname NOT IN (" + TRACKING + ") "
                        + "AND c.relname NOT LIKE 'databasechangeloglock_pkey' AND c.relname NOT LIKE "
                        + "'schema_migrations_pkey' UNION ALL SELECT 'function', p.proname FROM pg_proc p JOIN "
                        + "pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' UNION ALL SELECT 'type', "
                        + "t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = "
                        + "'public' AND t.typtype IN ('e', 'd')) o ORDER BY 1");
                List<String> records = new ArrayList<>();
                if (tables.contains("databasechangelog")) {
                    records.addAll(strings(connection, "SELECT 'changelog ' || id FROM databasechangelog ORDER BY 1"));
                }
                if (tables.contains("schema_migrations")) {
                    records.addAll(strings(connection, "SELECT 'version ' || version || ' ' || dirty FROM "
                            + "schema_migrations ORDER BY 1"));
                }
                return new Snapshot(tables, objects, records, files);
            }
        }
        try (Connection connection = TestClickHouse.connect(url)) {
            List<String> tables = strings(connection, "SELECT name FROM system.tables WHERE database = "
                    + "currentDatabase() ORDER BY name");
            List<String> objects = tables.stream().filter(t -> !List.of("DATABASECHANGELOG", "DATABASECHANGELOGLOCK",
                    "schema_migrations", "schema_migrations_lock_held").contains(t)).toList();
            List<String> records = new ArrayList<>();
            if (tables.contains("DATABASECHANGELOG")) {
                records.addAll(strings(connection,
                        "SELECT concat('changelog ', ID) FROM DATABASECHANGELOG ORDER BY 1"));
            }
            if (tables.contains("schema_migrations")) {
                records.addAll(strings(connection, "SELECT concat('version ', toString(version), ' ', "
                        + "toString(dirty)) FROM schema_migrations ORDER BY sequence"));
            }
            if (tables.contains("schema_migrations_lock_held")) {
                records.addAll(strings(connection, "SELECT concat('lock ', comment) FROM system.tables WHERE "
                        + "database = currentDatabase() AND name = 'schema_migrations_lock_held'"));
            }
            return new Snapshot(tables, objects, records, files);
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
