package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.UserError;
import ai.brokle.migrate.testing.TestMigrators;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ai.brokle.migrate.engine.VerifySamples.assertCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** verify on a real PostgreSQL server: the broken sample downs, the repository's migrations, isolation. */
class PostgresVerifyTest {

    @TempDir
    Path project;
    final List<String> log = new ArrayList<>();

    private VerifyReport verify(String url, Path dir, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(extra);
        properties.put("brokle.migrate.db", "postgres");
        if (url != null) {
            properties.put("brokle.migrate.postgres.url", url);
            properties.putIfAbsent("brokle.migrate.postgres.username", TestPostgres.USER);
        }
        properties.put("brokle.migrate.postgres.dir", dir.toString());
        return TestMigrators.build(project, properties, log, action -> Confirmer.Decision.NO_CONSOLE)
                .verify(Clock.systemUTC());
    }

    @Test
    void eachBrokenDownIsCaughtWithItsClassificationAndMessage() throws Exception {
        String url = TestPostgres.newDatabase("verify_samples");
        VerifyReport report = verify(url, VerifySamples.copy("postgres", project.resolve("migrations")), Map.of());
        Map<String, VerifyCase> cases = VerifySamples.byMigration(report);
        String all = String.join("\n", report.lines());

        assertCase(cases, "000001_create_accounts", null, null, null);
        assertCase(cases, "000002_index_left_behind", "error", null,
                "index idx_accounts_saved on accounts: absent before, present after down");
        assertCase(cases, "000003_default_flipped", "changed", null,
                "accounts.is_saved: default false before, true after down");
        assertCase(cases, "000004_type_changed", "changed", null,
                "accounts.email: type text before, character varying(255) after down");
        assertCase(cases, "000005_not_null_lost", "changed", null,
                "accounts.email: nullability NOT NULL before, NULL after down");
        assertCase(cases, "000006_enum_reordered", "changed", null,
                "enum account_status: labels ('active', 'closed') before, ('closed', 'active') after down");
        assertCase(cases, "000007_down_fails", "error", "down", "000007_down_fails.down.sql (down), statement 1 at "
                + "line 2: DROP FUNCTION touch_account()");
        assertCase(cases, "000007_down_fails", "error", "down", "depend");
        assertCase(cases, "000008_constraint_renamed", "cosmetic", null,
                "constraint accounts_email_key on accounts: named accounts_email_unique after down (same definition)");
        assertCase(cases, "000009_comment_changed", "cosmetic", null,
                "accounts: comment 'v1' before, 'version one' after down");
        assertCase(cases, "000010_column_order", "cosmetic", null, "accounts: column order (id, nickname, email, "
                + "is_saved) before, (id, email, is_saved, nickname) after down");
        assertCase(cases, "000011_reup_fails", "error", "re-up", "table notes: absent before, present after down");
        assertCase(cases, "000011_reup_fails", "error", "re-up", "already exists");
        assertFalse(cases.get("000012_grants").verified());
        assertTrue(cases.get("000012_grants").notVerified().contains("000012_grants.up.sql line 1: GRANT names roles"),
                cases.get("000012_grants").notVerified());
        assertCase(cases, "000013_ok", null, null, null);
        assertCase(cases, VerifyCase.UNDO_ALL, "error", VerifyCase.UNDO_ALL, "000007_down_fails");
        assertTrue(report.failed());
        assertEquals("verified 12 migrations: 4 errors, 4 changed, 3 cosmetic; 1 not verified", report.summary(), all);
        assertEquals(report.summary(), log.get(log.size() - 1));

        String xml = Files.readString(project.resolve("target/" + VerifyFiles.XML));
        assertTrue(xml.contains("<testcase classname=\"brokle-migrate.verify.postgres\" name=\"000003_default_flipped\""),
                xml);
        assertTrue(xml.contains("failures=\"8\""), xml);
        assertTrue(xml.contains("<skipped message="), xml);
        String json = Files.readString(project.resolve("target/" + VerifyFiles.JSON));
        assertTrue(json.contains("\"summary\" : \"" + report.summary() + "\""), json);
        assertTrue(json.contains("accounts.is_saved: default false before, true after down"), json);
        assertEquals(List.of(), scratchDatabases(), "no scratch database is left behind");
    }

    @Test
    void verifyFailOnDecidesWhatFails() {
        String url = TestPostgres.newDatabase("verify_failon");
        Path dir = project.resolve("migrations");
        VerifySamples.copy("postgres", dir);
        for (String id : List.of("000002_index_left_behind", "000007_down_fails", "000011_reup_fails",
                "000003_default_flipped", "000004_type_changed", "000005_not_null_lost", "000006_enum_reordered")) {
            deleteQuietly(dir.resolve(id + ".up.sql"));
            deleteQuietly(dir.resolve(id + ".down.sql"));
        }
        assertFalse(verify(url, dir, Map.of()).failed(), "cosmetic findings pass by default");
        assertTrue(verify(url, dir, Map.of("brokle.migrate.verifyFailOn", "cosmetic")).failed());
    }

    @Test
    void theRepositoryMigrationsPass() {
        String url = TestPostgres.newDatabase("verify_repo");
        VerifyReport report = verify(url, VerifySamples.repositoryMigrations(""), Map.of());
        VerifySamples.assertNoFinding(report);
        assertFalse(report.failed());
    }

    @Test
    void theConfiguredDatabaseIsUntouchedAndStaleScratchDatabasesGo() throws Exception {
        String url = TestPostgres.newDatabase("verify_untouched");
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE keep (id int PRIMARY KEY, name text)");
            s.execute("INSERT INTO keep VALUES (1, 'kept')");
            s.execute("CREATE DATABASE brokle_verify_20200101000000_stale");
            s.execute("CREATE DATABASE brokle_verify_29990101000000_notyet");
        }
        try {
            verify(url, VerifySamples.copy("postgres", project.resolve("migrations")), Map.of());
            try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT string_agg(table_schema || '.' || table_name, ',' ORDER BY 1) "
                         + "FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', "
                         + "'information_schema')")) {
                rs.next();
                assertEquals("public.keep", rs.getString(1), "only the table that was there");
            }
            try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, name FROM keep")) {
                assertTrue(rs.next());
                assertEquals("kept", rs.getString(2));
                assertFalse(rs.next());
            }
            assertEquals(List.of("brokle_verify_29990101000000_notyet"), scratchDatabases(),
                    "the stale one is removed, a younger one (another run's) stays, ours is dropped");
            assertTrue(log.stream().anyMatch(l -> l.contains("removed stale scratch database "
                    + "brokle_verify_20200101000000_stale")), String.join("\n", log));
        } finally {
            try (Connection c = TestPostgres.connect(TestPostgres.url("postgres")); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS brokle_verify_29990101000000_notyet");
            }
        }
    }

    @Test
    void aUserWhoMayNotCreateDatabasesIsToldHowToFixIt() throws Exception {
        String url = TestPostgres.newDatabase("verify_nocreate");
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'verify_nocreate') THEN "
                    + "CREATE ROLE verify_nocreate LOGIN PASSWORD 'pw-Nocreate1'; END IF; END $$");
        }
        MigrateException e = assertThrows(MigrateException.class, () -> verify(url,
                VerifySamples.copy("postgres", project.resolve("migrations")), Map.of(
                        "brokle.migrate.postgres.username", "verify_nocreate",
                        "brokle.migrate.postgres.password", "pw-Nocreate1")));
        assertTrue(e.getMessage().contains("user verify_nocreate may not create databases"), e.getMessage());
        assertTrue(e.getMessage().contains("ALTER ROLE verify_nocreate CREATEDB"), e.getMessage());
        assertInstanceOf(UserError.class, e);
    }

    @Test
    void withoutAUrlTheEmbeddedPostgresHoldsTheScratchDatabase() {
        Path dir = VerifySamples.copy("postgres", project.resolve("migrations"));
        for (String file : List.of("000002", "000003", "000004", "000005", "000006", "000007", "000008", "000009",
                "000010", "000011", "000012")) {
            try (var files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().startsWith(file)).forEach(PostgresVerifyTest::deleteQuietly);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        VerifyReport report = verify(null, dir, Map.of());
        VerifySamples.assertNoFinding(report);
        assertEquals("verified 2 migrations: 0 errors, 0 changed, 0 cosmetic", report.summary());
        assertTrue(log.stream().anyMatch(l -> l.contains("on the embedded PostgreSQL")), String.join("\n", log));
    }

    private static List<String> scratchDatabases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = TestPostgres.connect(TestPostgres.url("postgres")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'brokle\\_verify\\_%' "
                     + "ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
