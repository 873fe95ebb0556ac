package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.SeedSet.SeedTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Foreign-key order: parents first whatever the file order, file order among equals, cycles refused. */
class SeedTableOrderTest {

    private static SeedTable table(String name, int line) {
        return new SeedTable(name, line, List.of());
    }

    @Test
    void parentsComeFirstAndTiesKeepFileOrder() {
        List<SeedTable> tables = List.of(table("projects", 1), table("audit_logs", 5), table("organizations", 9),
                table("users", 12));
        Map<String, Set<String>> parents = Map.of(
                "projects", Set.of("organizations", "users"),
                "audit_logs", Set.of("organizations", "projects", "users"),
                "users", Set.of("organizations", "users"));
        assertEquals(List.of("organizations", "users", "projects", "audit_logs"),
                TableOrder.sort(tables, parents, "seeds/x.yaml").stream().map(SeedTable::name).toList());
    }

    @Test
    void aCycleIsRefusedNamingItsTablesAndLines() {
        List<SeedTable> tables = List.of(table("organizations", 1), table("a", 3), table("b", 7), table("c", 9));
        Map<String, Set<String>> parents = Map.of("a", Set.of("c"), "b", Set.of("a", "organizations"),
                "c", Set.of("b"));
        InvalidSeedException e = assertThrows(InvalidSeedException.class,
                () -> TableOrder.sort(tables, parents, "seeds/x.yaml"));
        assertEquals(3, e.line());
        assertEquals("seeds/x.yaml:3: a: the foreign keys between the seeded tables form a cycle, a -> c -> b -> a "
                + "(a at line 3, b at line 7, c at line 9), so no table can be written first. Nothing was written. "
                + "Seed one table of the cycle in a separate file run after this one, or make one of the foreign "
                + "keys nullable and set it in a later seed", e.getMessage());
    }
}
