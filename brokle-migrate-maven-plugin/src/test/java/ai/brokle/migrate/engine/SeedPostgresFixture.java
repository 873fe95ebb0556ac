package ai.brokle.migrate.engine;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.config.ConfigSources;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.seed.SeedResult;
import ai.brokle.migrate.seed.SeedResult.TableResult;
import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.testing.TestMigrators;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed tests' shared set-up on a real PostgreSQL: one database migrated once with the sample migrations, a fresh
 * copy of it for each test, and the helpers that seed it and read it back.
 */
abstract class SeedPostgresFixture {

    /** The repository root: migrations/ and seeds/ live there. */
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final AtomicInteger COPIES = new AtomicInteger();
    private static String template;

    @TempDir
    Path work;
    String url;
    final List<String> log = new ArrayList<>();

    /** Migrates one database once; each test gets a copy (CREATE DATABASE ... TEMPLATE), which takes milliseconds. */
    @BeforeAll
    static void migrateTemplate() {
        if (template != null) {
            return; // migrated for an earlier test class in this JVM
        }
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

    /** Every bad file starts with a valid organization, so "nothing written" is checked on a table that came first. */
    static final String VALID_FIRST = """
            organizations:
              - id: 01HK0000000000000000000Z01
                name: Written first
                slug: written-first
            """;

    void assertNothingWritten() throws SQLException {
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

    static TableResult table(SeedResult result, String table) {
        return result.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    long count(String table) throws SQLException {
        return Long.parseLong(text("SELECT count(*) FROM " + table));
    }

    String text(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            String value = rs.getString(1);
            assertFalse(rs.next(), "one row expected: " + sql);
            return value;
        }
    }

    void execute(String... sql) throws SQLException {
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
