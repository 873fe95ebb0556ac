package ai.brokle.migrate.engine;

import ai.brokle.migrate.seed.SeedResult;
import ai.brokle.migrate.seed.SeedWriteException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed goal's reset (after confirmation only) and dry run on a real PostgreSQL. */
class SeedPostgresResetTest extends SeedPostgresFixture {

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
}
