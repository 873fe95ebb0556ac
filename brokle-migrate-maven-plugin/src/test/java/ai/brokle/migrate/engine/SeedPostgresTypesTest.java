package ai.brokle.migrate.engine;

import ai.brokle.migrate.seed.SeedResult;
import ai.brokle.migrate.testing.TestMigrators;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeding is idempotent whatever the column's type: the same seed again leaves the row unchanged (also where the
 * server rounds or normalises the value, or the type has no equality operator), another value updates it.
 */
class SeedPostgresTypesTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "json | '{\"b\": 1, \"a\": [1, 2]}' | '{\"a\": 1}'",
            "json[] | ['{\"a\": 1}', '[2]'] | ['{}']",
            "jsonb[] | ['{\"a\": 1}'] | ['{\"a\": 2}']",
            "xml | '<a>x</a>' | '<b/>'",
            "point | '(1,2)' | '(2,3)'",
            "point[] | ['(1,2)'] | ['(3,4)']",
            "json_doc | '{\"a\": 1}' | '{\"a\": 2}'",
            "numeric(5,2) | 1.234 | 2.5",
            "real | 0.1 | 0.2",
            "timestamp(0) | 2024-01-01T10:00:00.7 | 2024-01-02T10:00:00",
            "char(3) | ab | cd",
            "uuid | 0B6F4D1E-8C1A-4F4E-9A53-2F1C9D7E5B10 | 1b6f4d1e-8c1a-4f4e-9a53-2f1c9d7e5b10",
            "inet | 10.0.0.1/32 | 10.0.0.2",
            "interval | 1 day | 2 days",
            "int4range | '[1,5)' | '[2,6)'",
            "tsvector | 'a b' | 'c'",
            "money | 12.34 | 1.5",
            "text[] | ['a', 'b'] | ['c']",
            "varchar(5)[] | ['ab'] | ['cd']",
    })
    void theSameSeedAgainIsUnchangedAndAnotherValueUpdates(String type, String value, String other) throws Exception {
        String url = TestPostgres.newDatabase("seed_types");
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE DOMAIN json_doc AS json");
            s.execute("CREATE TABLE things (id text PRIMARY KEY, v " + type + ")");
        }
        assertEquals(List.of(1L, 0L, 0L), counts(seed(url, value)), "first load");
        assertEquals(List.of(0L, 0L, 1L), counts(seed(url, value)), "the same seed again");
        assertEquals(List.of(0L, 1L, 0L), counts(seed(url, other)), "another value");
    }

    private SeedResult seed(String url, String value) throws Exception {
        Files.createDirectories(project.resolve("seeds"));
        Files.writeString(project.resolve("seeds/things.yaml"), "things:\n  - id: one\n    v: " + value + "\n");
        return TestMigrators.build(project, Map.of("brokle.migrate.seed", "things", "brokle.migrate.db", "postgres",
                "brokle.migrate.postgres.url", url, "brokle.migrate.postgres.username", TestPostgres.USER),
                new ArrayList<>(), action -> Confirmer.Decision.NO_CONSOLE).seed();
    }

    private static List<Long> counts(SeedResult result) {
        SeedResult.TableResult t = result.tables().get(0);
        return List.of(t.inserted(), t.updated(), t.unchanged());
    }
}
