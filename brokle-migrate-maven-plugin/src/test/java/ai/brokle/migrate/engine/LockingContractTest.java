package ai.brokle.migrate.engine;

import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.dialect.Dialects;
import ai.brokle.migrate.dialect.LockTimeoutException;
import ai.brokle.migrate.dialect.MigrationLock;
import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.testing.TestMigrators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration lock around the destructive goals, on every datasource: {@code drop} and {@code reset} are confirmed
 * first, then wait for the lock like {@code up}, so they never run under a live migration.
 */
abstract class LockingContractTest {

    @TempDir
    Path project;
    Path dir;
    String url;
    final List<String> log = new ArrayList<>();

    abstract String datasource();

    abstract String newDatabase();

    abstract Map<String, String> connectionProperties();

    abstract Connection connect() throws SQLException;

    abstract String createTable(String table);

    abstract boolean tableExists(String table) throws SQLException;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createDirectories(project.resolve("migrations"));
        url = newDatabase();
        for (int i = 1; i <= 3; i++) {
            Files.writeString(dir.resolve(String.format("%06d_t%d.up.sql", i, i)), createTable("t" + i) + ";\n");
            Files.writeString(dir.resolve(String.format("%06d_t%d.down.sql", i, i)), "DROP TABLE t" + i + ";\n");
        }
    }

    TestMigrator migrator(Map<String, String> options, Confirmer confirmer) {
        Map<String, String> properties = new HashMap<>(connectionProperties());
        properties.put("brokle.migrate.db", datasource());
        properties.put("brokle.migrate." + datasource() + ".url", url);
        properties.put("brokle.migrate." + datasource() + ".dir", dir.toString());
        options.forEach((k, v) -> properties.put("brokle.migrate." + k, v));
        return TestMigrators.build(project, properties, log, confirmer);
    }

    TestMigrator migrator(Map<String, String> options) {
        return migrator(options, action -> Confirmer.Decision.NO_CONSOLE);
    }

    DatasourceConfig datasourceConfig() {
        return new DatasourceConfig(Dialects.of(datasource()), url, null, null, false, dir, "schema_migrations", null);
    }

    /** Takes the migration lock on {@code connection}, as a concurrent {@code up} in another process would. */
    MigrationLock holdLock(Connection connection) throws SQLException {
        return Dialects.of(datasource()).lock(connection, datasourceConfig(), Duration.ZERO);
    }

    @Test
    void dropWaitsForTheLockOfARunningMigration() throws Exception {
        migrator(Map.of()).up();
        try (Connection other = connect(); MigrationLock held = holdLock(other)) {
            LockTimeoutException timeout = assertThrows(LockTimeoutException.class,
                    () -> migrator(Map.of("confirm", "yes", "lockWaitSeconds", "1")).repairs().drop());
            assertTrue(timeout.getMessage().contains("another migration holds the lock"), timeout.getMessage());
            assertThrows(LockTimeoutException.class,
                    () -> migrator(Map.of("confirm", "yes", "lockWaitSeconds", "1")).repairs().reset());
        }
        assertTrue(tableExists("t1") && tableExists("t3"), "nothing is dropped while another run holds the lock");
        migrator(Map.of("confirm", "yes", "lockWaitSeconds", "1")).repairs().drop();
        assertFalse(tableExists("t1"));
    }

    @Test
    void confirmationIsAskedBeforeAnyLockIsTaken() throws Exception {
        migrator(Map.of()).up();
        AtomicBoolean asked = new AtomicBoolean();
        try (Connection other = connect(); MigrationLock held = holdLock(other)) {
            assertThrows(ConfirmationRefusedException.class, () -> migrator(Map.of("lockWaitSeconds", "30"), action -> {
                asked.set(true);
                return Confirmer.Decision.DECLINED;
            }).repairs().drop());
        }
        assertTrue(asked.get(), "the prompt comes before the wait for the lock");
        assertTrue(tableExists("t1"));
    }

    @Test
    void destructiveGoalsReleaseTheLockWhenDone() throws Exception {
        migrator(Map.of()).up();
        migrator(Map.of("confirm", "yes")).repairs().reset();
        migrator(Map.of()).up();
        migrator(Map.of("confirm", "yes")).repairs().drop();
        try (Connection other = connect(); MigrationLock held = holdLock(other)) {
            assertTrue(migrator(Map.of()).status().datasources().get(0).locks().size() == 1);
        }
        assertTrue(migrator(Map.of()).status().datasources().get(0).locks().isEmpty(), log.toString());
    }
}
