package ai.brokle.migrate.engine;

import ai.brokle.migrate.seed.InvalidSeedException;
import ai.brokle.migrate.seed.SeedWriteException;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed goal on a real PostgreSQL given every kind of bad input: a clear error, and nothing written. */
class SeedPostgresBadInputTest extends SeedPostgresFixture {

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
}
