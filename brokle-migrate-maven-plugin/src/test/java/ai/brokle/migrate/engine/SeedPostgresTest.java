package ai.brokle.migrate.engine;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.config.ConfigSources;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.seed.InvalidSeedException;
import ai.brokle.migrate.seed.SeedResult;
import ai.brokle.migrate.seed.SeedResult.TableResult;
import ai.brokle.migrate.seed.SeedWriteException;
import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.testing.TestMigrators;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed goal on a real PostgreSQL with the sample migrations applied: the repository's seed sets, idempotency,
 * typing, references, generated ids, reset, dry runs, and every kind of bad input with nothing written.
 */
class SeedPostgresTest {

    /** The repository root: migrations/ and seeds/ live there. */
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final AtomicInteger COPIES = new AtomicInteger();
    private static String template;

    @TempDir
    Path work;
    String url;
    final List<String> log = new ArrayList<>();

    /** Migrates one database once; each test gets a copy (CREATE DATABASE ... TEMPLATE), which takes milliseconds. */
    @BeforeAll
    static void migrateTemplate() {
        String templateUrl = TestPostgres.newDatabase("seed_template");
        template = templateUrl.substring(templateUrl.lastIndexOf('/') + 1);
        Map<String, String> properties = new HashMap<>();
        properties.put("brokle.migrate.db", "postgres");
        properties.put("brokle.migrate.postgres.url", templateUrl);
        properties.put("brokle.migrate.postgres.username", TestPostgres.USER);
        MigrateConfig config = Configurations.resolve(new ConfigSources(REPO, REPO.resolve("target/seed-test"),
                Map.of(), Map.of(), properties, id -> Optional.empty()));
        new TestMigrator(new Migrator(config, quiet(), action -> Confirmer.Decision.NO_CONSOLE),
                new GoalOptions(REPO, properties)).up();
    }

    @BeforeEach
    void copyTemplate() throws SQLException {
        String name = template + "_copy" + COPIES.incrementAndGet();
        try (Connection c = TestPostgres.connect(TestPostgres.url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        }
        url = TestPostgres.url(name);
    }

    // ---- the repository's seed sets ----------------------------------------------------------------------------

    @Test
    void devLoadsInForeignKeyOrderAndASecondRunChangesNothing() throws Exception {
        SeedResult first = seed(Map.of("seed", "dev"));
        List<String> order = first.tables().stream().map(TableResult::table).toList();
        assertTrue(order.indexOf("organizations") < order.indexOf("users"), order.toString());
        assertTrue(order.indexOf("users") < order.indexOf("projects"), order.toString());
        assertTrue(order.indexOf("projects") < order.indexOf("api_keys"), order.toString());
        assertTrue(order.indexOf("subscriptions") < order.indexOf("usage_records"), order.toString());
        assertEquals(first.rows(), first.inserted());
        assertEquals(0, first.updated() + first.unchanged());
        assertEquals(2, count("organizations"));
        assertEquals(5, count("users"));
        String updatedAt = text("SELECT max(updated_at)::text FROM organizations");

        SeedResult second = seed(Map.of("seed", "dev"));
        assertEquals(first.rows(), second.unchanged(), second.tables().toString());
        assertEquals(0, second.inserted() + second.updated());
        assertEquals(updatedAt, text("SELECT max(updated_at)::text FROM organizations"),
                "an unchanged row is not written, so its trigger does not move updated_at");
        assertEquals(2, count("organizations"));
    }

    @Test
    void devSkipsItsClickHouseSectionInOneLineWhenClickHouseIsNotConfigured() throws Exception {
        SeedResult result = seed(Map.of("seed", "dev", "db", "all"));
        assertEquals(1, result.skipped().size(), result.skipped().toString());
        assertTrue(result.skipped().get(0).startsWith("[clickhouse] not configured"), result.skipped().get(0));
        assertEquals(1, log.stream().filter(l -> l.contains("[clickhouse]")).count(), log.toString());
        assertTrue(result.tables().stream().allMatch(t -> t.datasource().equals("postgres")));
    }

    @Test
    void testAndDemoLoadAndAreIdempotent() throws Exception {
        SeedResult test = seed(Map.of("seed", "test"));
        assertEquals(5, test.rows());
        assertEquals(5, test.inserted());
        SeedResult demo = seed(Map.of("seed", "demo"));
        assertEquals(demo.rows(), demo.inserted());
        assertTrue(demo.rows() > 2000, "demo has a few thousand rows: " + demo.rows());
        assertEquals(6 + 1, count("organizations"), "test's organization stays next to demo's six");
        SeedResult again = seed(Map.of("seed", "demo"));
        assertEquals(demo.rows(), again.unchanged());
    }

    // ---- values ------------------------------------------------------------------------------------------------

    @Test
    void valuesAreTypedByColumnAndBoundLiterally() throws Exception {
        seed(Map.of("seed", "dev"));
        assertEquals("O'Brien; DROP TABLE users; --", text("SELECT name FROM users WHERE id = "
                + "'01HM6A71Q0CZZPVSMH5DGBQV8B'"));
        assertEquals(5, count("users"), "the users table is still there");
        assertEquals("Sláinte; Seán", text("SELECT preferences->>'signature' FROM users WHERE id = "
                + "'01HM6A71Q0CZZPVSMH5DGBQV8B'"));
        assertEquals("pro", text("SELECT plan::text FROM organizations WHERE slug = 'acme-corp'"));
        assertEquals("49007", text("SELECT billing_address->>'postal_code' FROM organizations WHERE slug = 'acme-corp'"));
        assertEquals("Springfield", text("SELECT billing_address->>'city' FROM organizations WHERE slug = 'acme-corp'"));
        assertEquals("2024-01-15 10:00:00", text("SELECT created_at::text FROM organizations WHERE slug = 'acme-corp'"));
        assertEquals("{traces:write,spans:write,scores:write}", text("SELECT scopes::text FROM api_keys WHERE "
                + "id = '01HM6FTFX0TQF2T8QDFPY2RD6M'"));
        assertEquals("{}", text("SELECT scopes::text FROM api_keys WHERE id = '01HM6H0YC0F4N013N3RR7ABQ6X'"));
        assertEquals("49.00", text("SELECT amount::text FROM subscriptions WHERE id = '01HM6KDVA043PDDZMN1X7HQCZM'"));
        assertEquals("array", text("SELECT jsonb_typeof(targets) FROM gateway_routing_rules LIMIT 1"));
        assertEquals("2024-03-02 08:45:12+00", text("SELECT (expires_at AT TIME ZONE 'UTC')::text || '+00' FROM "
                + "user_sessions WHERE id = '01HM6DTD400XM9FEERMZ2D5RGJ'"));
        assertEquals(null, text("SELECT billing_email FROM organizations WHERE slug = 'globex-research'"));
        assertEquals("true", text("SELECT (settings->'pii_redaction')::text FROM projects WHERE slug = 'production-api'"));
    }

    @Test
    void anEditedRowIsUpdatedAndCountedSo() throws Exception {
        seed(Map.of("seed", "test"));
        String edited = Files.readString(REPO.resolve("seeds/test.yaml")).replace("\"Test Org\"", "\"Test Org 2\"");
        SeedResult result = seedText(edited, Map.of());
        TableResult organizations = table(result, "organizations");
        assertEquals(1, organizations.updated());
        assertEquals(4, result.unchanged());
        assertEquals("Test Org 2", text("SELECT name FROM organizations"));
    }

    @Test
    void referencesGeneratedUlidsAndNowAreIdempotent() throws Exception {
        String yaml = """
                users:
                  - email: ref-owner@example.com
                    password_hash: x
                    name: Owner
                    default_organization_id: {ref: organizations, slug: ref-org}
                    created_at: now
                    last_login_at: now-7d
                organizations:
                  - name: Ref Org
                    slug: ref-org
                    created_at: 2024-05-01T12:00:00Z
                projects:
                  - organization_id: {ref: organizations, slug: ref-org}
                    name: Ref Project
                    slug: ref-project
                    created_by: {ref: users, email: ref-owner@example.com}
                api_keys:
                  - project_id: {ref: projects, slug: ref-project, organization_id: {ref: organizations, slug: ref-org}}
                    name: key
                    key_hash: abc
                    prefix: bk_abc
                """;
        SeedResult first = seedText(yaml, Map.of());
        assertEquals(4, first.inserted());
        String orgId = text("SELECT id FROM organizations WHERE slug = 'ref-org'");
        assertTrue(orgId.matches("[0-9A-HJKMNP-TV-Z]{26}"), orgId);
        assertTrue(orgId.startsWith("01HWT0D7G0"), "the time part is created_at, 2024-05-01T12:00Z: " + orgId);
        assertEquals(orgId, text("SELECT default_organization_id FROM users WHERE email = 'ref-owner@example.com'"));
        assertEquals(orgId, text("SELECT organization_id FROM projects WHERE slug = 'ref-project'"));
        assertEquals(text("SELECT id FROM users WHERE email = 'ref-owner@example.com'"),
                text("SELECT created_by FROM projects WHERE slug = 'ref-project'"));
        assertEquals(text("SELECT id FROM projects WHERE slug = 'ref-project'"),
                text("SELECT project_id FROM api_keys WHERE name = 'key'"));
        assertEquals("t", text("SELECT (now() - created_at < interval '1 hour' AND "
                + "created_at - last_login_at BETWEEN interval '6 days 23 hours' AND interval '7 days 1 hour')::text "
                + "FROM users WHERE email = 'ref-owner@example.com'").substring(0, 1));
        String createdAt = text("SELECT created_at::text FROM users WHERE email = 'ref-owner@example.com'");

        SeedResult second = seedText(yaml, Map.of());
        assertEquals(4, second.unchanged(), second.tables().toString());
        assertEquals(1, count("organizations"));
        assertEquals(createdAt, text("SELECT created_at::text FROM users WHERE email = 'ref-owner@example.com'"),
                "now is written when the row is inserted, never updated");
    }

    @Test
    void aRowWithoutIdFindsTheExistingRowByItsUniqueKey() throws Exception {
        seed(Map.of("seed", "test"));
        SeedResult result = seedText("""
                organizations:
                  - slug: test-org
                    name: Renamed
                """, Map.of());
        assertEquals(1, result.updated());
        assertEquals("01HK0000000000000000000A01", text("SELECT id FROM organizations WHERE name = 'Renamed'"));
    }

    @Test
    void awkwardTextSurvivesBothBatchForms() throws Exception {
        List<String> awkward = List.of("back\\slash", "NULL", "{a,b}", "say \"hi\"", "", "tab\there",
                "emoji \uD83D\uDE00", "O'Brien; DROP TABLE users; --");
        StringBuilder yaml = new StringBuilder(VALID_FIRST + "users:\n");
        for (int i = 0; i < awkward.size(); i++) {
            yaml.append("  - id: 01HK00000000000000000U").append(String.format("%04d", i)).append('\n')
                    .append("    email: u").append(i).append("@example.com\n    password_hash: x\n")
                    .append("    name: ").append(yamlQuoted(awkward.get(i))).append('\n');
        }
        yaml.append("""
                projects:
                  - id: 01HK0000000000000000000P01
                    organization_id: 01HK0000000000000000000Z01
                    name: P
                    slug: p
                api_keys:
                  - id: 01HK0000000000000000000K01
                    project_id: 01HK0000000000000000000P01
                    name: k
                    key_hash: h
                    prefix: bk
                    scopes:
                """);
        awkward.forEach(a -> yaml.append("      - ").append(yamlQuoted(a)).append('\n'));
        seedText(yaml.toString(), Map.of());
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM users ORDER BY id")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertEquals(awkward, names, "text through COPY (the tables were empty; SeedBulkLoadTest compares it "
                    + "with the upsert through the staging table)");
            try (ResultSet rs = st.executeQuery("SELECT scopes FROM api_keys")) {
                rs.next();
                assertEquals(awkward, List.of((Object[]) rs.getArray(1).getArray()), "text[] through COPY");
            }
        }
        assertEquals(awkward.size() + 3, seedText(yaml.toString(), Map.of()).unchanged());
    }

    /** A YAML double-quoted scalar. */
    private static String yamlQuoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
    }

    @Test
    void bigTablesGoInSeveralBatchesAndCountEveryRow() throws Exception {
        int users = 12_345;
        int keys = 2_345;
        StringBuilder yaml = new StringBuilder(VALID_FIRST + """
                projects:
                  - id: 01HK0000000000000000000P01
                    organization_id: 01HK0000000000000000000Z01
                    name: P
                    slug: p
                users:
                """);
        for (int i = 0; i < users; i++) {
            yaml.append("  - {id: 01HK0000000000000000").append(String.format("%06d", i)).append(", email: u")
                    .append(i).append("@example.com, password_hash: x, name: 'User ").append(i)
                    .append("', preferences: {n: ").append(i).append("}, created_at: now}\n");
        }
        yaml.append("api_keys:\n");
        for (int i = 0; i < keys; i++) {
            yaml.append("  - {id: 01HK00000000000000K0").append(String.format("%06d", i))
                    .append(", project_id: 01HK0000000000000000000P01, name: k, key_hash: h").append(i)
                    .append(", prefix: bk, scopes: [a, b]}\n");
        }
        SeedResult first = seedText(yaml.toString(), Map.of());
        assertEquals(users, table(first, "users").inserted());
        assertEquals(keys, table(first, "api_keys").inserted());
        assertEquals(users, count("users"));
        String edited = yaml.toString().replace("name: 'User 1000'", "name: 'User one thousand'")
                .replace("key_hash: h2000,", "key_hash: h2000x,");
        SeedResult second = seedText(edited, Map.of());
        assertEquals(1, table(second, "users").updated());
        assertEquals(users - 1, table(second, "users").unchanged());
        assertEquals(1, table(second, "api_keys").updated());
        assertEquals(keys - 1, table(second, "api_keys").unchanged());
    }

    @Test
    void aReferenceFindsRowsAlreadyInTheDatabase() throws Exception {
        seed(Map.of("seed", "test"));
        SeedResult result = seedText("""
                projects:
                  - id: 01HK0000000000000000000D02
                    organization_id: {ref: organizations, slug: test-org}
                    created_by: {ref: users, email: test@brokle.example}
                    name: Second
                    slug: second
                """, Map.of());
        assertEquals(1, result.inserted());
        assertEquals("01HK0000000000000000000A01", text("SELECT organization_id FROM projects WHERE slug = 'second'"));
        assertEquals("01HK0000000000000000000B01", text("SELECT created_by FROM projects WHERE slug = 'second'"));
    }

    // ---- bad input: clear errors, nothing written --------------------------------------------------------------

    /** Every bad file starts with a valid organization, so "nothing written" is checked on a table that came first. */
    private static final String VALID_FIRST = """
            organizations:
              - id: 01HK0000000000000000000Z01
                name: Written first
                slug: written-first
            """;

    @Test
    void invalidYamlNamesTheLine() throws Exception {
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> seedText(VALID_FIRST
                + "users:\n  - email: a@b.c\n    name: [unclosed\n", Map.of()));
        assertTrue(e.getMessage().matches("(?s).*/seed\\.yaml:8: invalid YAML: .*Fix the YAML syntax.*"),
                e.getMessage());
        assertNothingWritten();
    }

    @Test
    void unknownTableNamesItsLine() throws Exception {
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> seedText(VALID_FIRST
                + "organisations:\n  - id: x\n", Map.of()));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("/seed.yaml:5: organisations: no such table"), e.getMessage());
        assertTrue(e.getMessage().endsWith("mvn brokle-migrate:up"), e.getMessage());
        assertNothingWritten();
    }

    @Test
    void unknownColumnNamesItsLineAndKey() throws Exception {
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> seedText(VALID_FIRST
                + "users:\n  - id: 01HK0000000000000000000Z02\n    emial: a@b.c\n", Map.of()));
        assertEquals(7, e.line());
        assertEquals("users.emial", e.key());
        assertTrue(e.getMessage().contains("no such column in table users"), e.getMessage());
        assertNothingWritten();
    }

    @Test
    void aValueThatDoesNotFitItsColumnNamesLineAndKey() throws Exception {
        String project = """
                projects:
                  - id: 01HK0000000000000000000Z03
                    organization_id: 01HK0000000000000000000Z01
                    name: P
                    slug: p
                    retention_days: %s
                """;
        InvalidSeedException number = assertThrows(InvalidSeedException.class,
                () -> seedText(VALID_FIRST + project.formatted("lots"), Map.of()));
        assertTrue(number.getMessage().endsWith("/seed.yaml:10: projects.retention_days: value \"lots\" does not fit "
                + "integer (not a whole number). Nothing was written. Write a whole number, e.g. 42"), number.getMessage());
        InvalidSeedException range = assertThrows(InvalidSeedException.class,
                () -> seedText(VALID_FIRST + project.formatted("3000000000"), Map.of()));
        assertTrue(range.getMessage().contains("out of range"), range.getMessage());
        InvalidSeedException plan = assertThrows(InvalidSeedException.class, () -> seedText(VALID_FIRST.replace(
                "slug: written-first", "slug: written-first\n    plan: platinum"), Map.of()));
        assertTrue(plan.getMessage().contains("organizations.plan: value \"platinum\" does not fit organization_plan "
                + "(allowed: free, pro, business, enterprise)"), plan.getMessage());
        InvalidSeedException tooLong = assertThrows(InvalidSeedException.class, () -> seedText(VALID_FIRST.replace(
                "slug: written-first", "slug: written-first\n    subscription_status: " + "x".repeat(51)), Map.of()));
        assertTrue(tooLong.getMessage().contains("is 51 characters, longer than character varying(50) allows"),
                tooLong.getMessage());
        InvalidSeedException json = assertThrows(InvalidSeedException.class, () -> seedText(VALID_FIRST.replace(
                "slug: written-first", "slug: written-first\n    settings: '{\"a\": }'"), Map.of()));
        assertTrue(json.getMessage().contains("not valid JSON"), json.getMessage());
        assertNothingWritten();
    }

    @Test
    void aReferenceMustMatchExactlyOneRow() throws Exception {
        String none = VALID_FIRST + """
                projects:
                  - id: 01HK0000000000000000000Z03
                    organization_id: {ref: organizations, slug: no-such-org}
                    name: P
                    slug: p
                """;
        InvalidSeedException missing = assertThrows(InvalidSeedException.class, () -> seedText(none, Map.of()));
        assertEquals(7, missing.line());
        assertEquals("projects.organization_id", missing.key());
        assertTrue(missing.getMessage().contains("reference {ref: organizations, slug: no-such-org} matches no row"),
                missing.getMessage());
        String several = VALID_FIRST + """
                  - id: 01HK0000000000000000000Z04
                    name: Written first
                    slug: written-second
                projects:
                  - id: 01HK0000000000000000000Z03
                    organization_id: {ref: organizations, name: Written first}
                    name: P
                    slug: p
                """;
        InvalidSeedException ambiguous = assertThrows(InvalidSeedException.class, () -> seedText(several, Map.of()));
        assertTrue(ambiguous.getMessage().contains("matches 2 rows"), ambiguous.getMessage());
        assertNothingWritten();
    }

    @Test
    void aForeignKeyCycleIsRefused() throws Exception {
        execute("CREATE TABLE cycle_a (id int PRIMARY KEY, b_id int)",
                "CREATE TABLE cycle_b (id int PRIMARY KEY, a_id int REFERENCES cycle_a(id))",
                "ALTER TABLE cycle_a ADD FOREIGN KEY (b_id) REFERENCES cycle_b(id)");
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> seedText(VALID_FIRST + """
                cycle_a:
                  - id: 1
                cycle_b:
                  - id: 1
                """, Map.of()));
        assertTrue(e.getMessage().contains("form a cycle, cycle_a -> cycle_b -> cycle_a (cycle_a at line 5, cycle_b "
                + "at line 7)"), e.getMessage());
        assertNothingWritten();
    }

    @Test
    void aRowTheDatabaseRefusesNamesItsLineAndRollsEverythingBack() throws Exception {
        SeedWriteException e = assertThrows(SeedWriteException.class, () -> seedText(VALID_FIRST + """
                projects:
                  - id: 01HK0000000000000000000Z03
                    organization_id: 01HK0000000000000000000Z01
                    name: P
                    slug: p
                    environment: production
                  - id: 01HK0000000000000000000Z05
                    organization_id: 01HK0000000000000000000Z01
                    name: Q
                    slug: q
                    environment: moon
                """, Map.of()));
        assertTrue(e.getMessage().contains("/seed.yaml:15: projects.environment: the database refused the row: new row for "
                + "relation \"projects\" violates check constraint \"projects_environment_check\""), e.getMessage());
        assertNothingWritten();
        SeedWriteException duplicate = assertThrows(SeedWriteException.class, () -> seedText(VALID_FIRST + """
                  - id: 01HK0000000000000000000Z04
                    name: Same slug
                    slug: written-first
                """, Map.of()));
        assertTrue(duplicate.getMessage().contains("/seed.yaml:7: organizations.slug: the database refused the row"),
                duplicate.getMessage());
        assertNothingWritten();
    }

    @Test
    void aTableThatDoesNotExistYetPointsToUp() throws Exception {
        url = TestPostgres.newDatabase("seed_empty");
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> seed(Map.of("seed", "test")));
        assertTrue(e.getMessage().startsWith("seeds/test.yaml:9: organizations: no such table"), e.getMessage());
    }

    @Test
    void aMissingSeedFileSaysHowToNameOne() {
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> seed(Map.of("seed", "nope")));
        assertTrue(e.getMessage().startsWith("seeds/nope.yaml: the seed file does not exist"), e.getMessage());
    }

    // ---- reset and dry run -------------------------------------------------------------------------------------

    @Test
    void resetEmptiesTheSeededTablesChildrenFirstAfterConfirmation() throws Exception {
        seed(Map.of("seed", "dev"));
        execute("INSERT INTO organizations (id, name, slug) VALUES ('01HK0000000000000000000Z09', 'Extra', 'extra')");
        ConfirmationRefusedException refused = assertThrows(ConfirmationRefusedException.class,
                () -> seed(Map.of("seed", "test", "reset", "true")));
        assertTrue(refused.getMessage().contains("delete every row of the seeded tables"), refused.getMessage());
        assertEquals(3, count("organizations"), "a refused reset changes nothing");

        SeedResult result = seed(Map.of("seed", "test", "reset", "true", "confirm", "yes"));
        assertEquals(3, table(result, "organizations").deleted());
        assertEquals(5, result.inserted());
        assertEquals(1, count("organizations"));
        assertEquals(0, count("audit_logs"), "rows that referenced the deleted ones went with them (ON DELETE CASCADE)");
    }

    @Test
    void resetStopsAtARowOutsideTheSeedThatStillNeedsAParent() throws Exception {
        seed(Map.of("seed", "test"));
        execute("CREATE TABLE notes (id int PRIMARY KEY, organization_id varchar(26) REFERENCES organizations(id))",
                "INSERT INTO notes VALUES (1, '01HK0000000000000000000A01')");
        SeedWriteException e = assertThrows(SeedWriteException.class,
                () -> seed(Map.of("seed", "test", "reset", "true", "confirm", "yes")));
        assertTrue(e.getMessage().startsWith("[postgres] reset could not empty organizations: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("add that table to the seed, or empty it first."), e.getMessage());
        assertEquals(1, count("organizations"));
        assertEquals(1, count("api_keys"), "the tables emptied before it were restored by the rollback");
    }

    @Test
    void resetAsksThroughTheConfirmer() throws Exception {
        seed(Map.of("seed", "test"));
        List<String> asked = new ArrayList<>();
        migrator(Map.of("seed", "test", "reset", "true"), action -> {
            asked.add(action);
            return Confirmer.Decision.CONFIRMED;
        }).seed();
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).contains("api_keys, projects, organization_members, users, organizations"),
                asked.get(0));
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws Exception {
        SeedResult result = seed(Map.of("seed", "dev", "dryRun", "true", "reset", "true"));
        assertTrue(result.dryRun());
        assertEquals(0, count("organizations"));
        String printed = String.join("\n", log);
        assertTrue(printed.contains("[postgres]   1. organizations"), printed);
        assertTrue(printed.contains("INSERT INTO organizations AS existing"), printed);
        assertTrue(printed.contains("ON CONFLICT (\"id\") DO UPDATE SET"), printed);
        assertTrue(printed.contains("DELETE FROM audit_logs;"), printed);
        assertTrue(printed.contains("nothing is written"), printed);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void assertNothingWritten() throws SQLException {
        assertEquals(0, count("organizations"), "the organization listed first must not be written");
    }

    TestMigrator migrator(Map<String, String> options, Confirmer confirmer) {
        Map<String, String> properties = new HashMap<>();
        properties.put("brokle.migrate.db", "postgres");
        properties.put("brokle.migrate.postgres.url", url);
        properties.put("brokle.migrate.postgres.username", TestPostgres.USER);
        options.forEach((k, v) -> properties.put("brokle.migrate." + k, v));
        return TestMigrators.build(REPO, work.resolve("target"), properties, log, confirmer);
    }

    SeedResult seed(Map<String, String> options) {
        return migrator(options, action -> Confirmer.Decision.NO_CONSOLE).seed();
    }

    SeedResult seedText(String yaml, Map<String, String> options) throws IOException {
        Path file = work.resolve("seed.yaml");
        Files.writeString(file, yaml);
        Map<String, String> all = new HashMap<>(options);
        all.put("seedFile", file.toString());
        return seed(all);
    }

    private static TableResult table(SeedResult result, String table) {
        return result.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    private long count(String table) throws SQLException {
        return Long.parseLong(text("SELECT count(*) FROM " + table));
    }

    private String text(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            String value = rs.getString(1);
            assertFalse(rs.next(), "one row expected: " + sql);
            return value;
        }
    }

    private void execute(String... sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static Reporter quiet() {
        return new Reporter() {
            @Override
            public void info(String line) {
            }

            @Override
            public void warn(String line) {
            }
        };
    }
}
