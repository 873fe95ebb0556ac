package ai.brokle.migrate.engine;

import ai.brokle.migrate.seed.SeedResult;
import ai.brokle.migrate.seed.SeedResult.TableResult;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed goal on a real PostgreSQL with the sample migrations applied: the repository's seed sets, idempotency,
 * typing, references and generated ids.
 */
class SeedPostgresTest extends SeedPostgresFixture {

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
}
