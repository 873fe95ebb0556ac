package ai.brokle.migrate.lint;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.UserError;
import ai.brokle.migrate.engine.Confirmer;
import ai.brokle.migrate.engine.ValidationFailedException;
import ai.brokle.migrate.engine.ValidationReport;
import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.testing.TestMigrators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validate goal through the engine: no database, suppressions, explain, reports, errors fail. */
class ValidateGoalTest {

    @TempDir
    Path project;
    private final List<String> log = new ArrayList<>();

    private TestMigrator migrator(String... properties) {
        Map<String, String> map = new HashMap<>();
        // Unreachable URLs: validate must never connect.
        map.put("brokle.migrate.postgres.url", "postgres://nobody@127.0.0.1:1/none");
        map.put("brokle.migrate.clickhouse.url", "clickhouse://nobody@127.0.0.1:1/none");
        for (int i = 0; i < properties.length; i += 2) {
            map.put("brokle.migrate." + properties[i], properties[i + 1]);
        }
        return TestMigrators.build(project, map, log, action -> Confirmer.Decision.NO_CONSOLE);
    }

    private void file(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void usersThenIndex(String indexFileHeader) throws IOException {
        file("migrations/000001_users.up.sql", "CREATE TABLE IF NOT EXISTS users (id INT, email TEXT);\n");
        file("migrations/000001_users.down.sql", "DROP TABLE IF EXISTS users;\n");
        file("migrations/000002_index.up.sql", indexFileHeader
                + "CREATE INDEX IF NOT EXISTS idx_users_email ON users (email);\n");
        file("migrations/000002_index.down.sql", "DROP INDEX IF EXISTS idx_users_email;\n");
    }

    @Test
    void warningsDoNotFailAndBothReportsAreWritten() throws Exception {
        usersThenIndex("");
        file("migrations/clickhouse/000001_events.up.sql", "CREATE TABLE IF NOT EXISTS events (id String, ts DateTime)\n"
                + "ENGINE = MergeTree ORDER BY id TTL ts + INTERVAL 1 DAY;\n");
        file("migrations/clickhouse/000001_events.down.sql", "DROP TABLE IF EXISTS events;\n");
        ValidationReport report = migrator().validate();
        assertEquals(0, report.errors());
        assertEquals(2, report.warnings());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("WARN [postgres] migrations/000002_index.up.sql:1: PG003 warning")),
                String.join("\n", log));
        JsonNode json = new ObjectMapper().readTree(project.resolve("target/validate-report.json").toFile());
        assertEquals(2, json.get("warnings").asInt());
        assertEquals("PG003", json.at("/datasources/0/findings/0/rule").asText());
        assertEquals(1, json.at("/datasources/0/findings/0/line").asInt());
        assertEquals("CH005", json.at("/datasources/1/findings/0/rule").asText());
        assertTrue(json.get("rules").size() > 20);
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(project.resolve("target/TEST-brokle-migrate-validate.xml").toFile());
        assertEquals(2, junit.getElementsByTagName("testsuite").getLength());
        assertEquals(0, junit.getElementsByTagName("failure").getLength(), "warnings are no failures");
        assertEquals(6, junit.getElementsByTagName("testcase").getLength());
    }

    @Test
    void errorsFailWithEveryErrorNamedAndTheReportsStillWritten() throws Exception {
        file("migrations/000001_a.up.sql", "CREATE TABLE IF NOT EXISTS a (id INT);\nCOMMIT;\n");
        file("migrations/000001_a.down.sql", "DROP TABLE IF EXISTS a;\n");
        file("migrations/000002_.up.sql", "SELECT 1;\n");
        ValidationFailedException e = assertThrows(ValidationFailedException.class, () -> migrator("db", "postgres")
                .validate());
        assertInstanceOf(UserError.class, e);
        assertTrue(e.getMessage().contains("migrations/000001_a.up.sql:2: PG001 error"), e.getMessage());
        assertTrue(e.getMessage().contains("migrations/000002_.up.sql: GEN001 error"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Fix them, then run: mvn brokle-migrate:validate"), e.getMessage());
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(project.resolve("target/TEST-brokle-migrate-validate.xml").toFile());
        assertEquals(2, junit.getElementsByTagName("failure").getLength());
    }

    @Test
    void aWarningIsSuppressedByItsFileOrEverywhereButAnErrorIsNot() throws IOException {
        usersThenIndex("-- brokle-migrate:ignore PG003 (small table, built at deploy time)\n");
        assertEquals(0, migrator("db", "postgres").validate().warnings());

        usersThenIndex("");
        assertEquals(0, migrator("db", "postgres", "ignore", "pg003").validate().warnings());

        MigrateException e = assertThrows(MigrateException.class,
                () -> migrator("db", "postgres", "ignore", "PG001").validate());
        assertTrue(e.getMessage().contains("PG001, an error rule"), e.getMessage());
        e = assertThrows(MigrateException.class, () -> migrator("db", "postgres", "ignore", "PG999").validate());
        assertTrue(e.getMessage().contains("PG999, which is not a rule"), e.getMessage());

        file("migrations/000001_users.up.sql", "-- brokle-migrate:ignore PG001\n"
                + "CREATE TABLE IF NOT EXISTS users (id INT, email TEXT);\nCOMMIT;\n");
        ValidationFailedException failed = assertThrows(ValidationFailedException.class,
                () -> migrator("db", "postgres").validate());
        assertTrue(failed.getMessage().contains("000001_users.up.sql:3: PG001"), failed.getMessage());
        assertTrue(log.stream().anyMatch(l -> l.contains("000001_users.up.sql:1: GEN008 warning: ignores PG001, "
                + "an error; errors cannot be suppressed.")), String.join("\n", log));
    }

    @Test
    void explainPrintsEachStatementWithItsLine() throws IOException {
        file("migrations/000001_fn.up.sql", "-- +migrate Up\n-- +migrate StatementBegin\nCREATE FUNCTION f() RETURNS int"
                + " AS $$ SELECT 1; $$ LANGUAGE sql;\n-- +migrate StatementEnd\n\nSELECT 'a;b';\n"
                + "-- +migrate Down\nDROP FUNCTION IF EXISTS f();\n");
        migrator("db", "postgres", "explain", "true").validate();
        String out = String.join("\n", log);
        assertTrue(out.contains("[postgres] migrations/000001_fn.up.sql (up, in one transaction): 2 statement(s)"), out);
        assertTrue(out.contains("  #1 line 3: CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql"), out);
        assertTrue(out.contains("  #2 line 6: SELECT 'a;b'"), out);
        assertTrue(out.contains("(down, in one transaction): 1 statement(s)\n  #1 line 8: DROP FUNCTION IF EXISTS f()"),
                out);
    }

    @Test
    void aMissingClickHouseDirectoryIsSkippedUnlessAskedFor() throws IOException {
        usersThenIndex("");
        migrator().validate();
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[clickhouse] no migration directory")), log.toString());
        MigrateException e = assertThrows(MigrateException.class, () -> migrator("db", "clickhouse").validate());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(e instanceof ValidationFailedException);
    }
}
