package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.dialect.LockTimeoutException;
import ai.brokle.migrate.dialect.MigrationLock;
import ai.brokle.migrate.testing.LockHoldingProcess;
import ai.brokle.migrate.testing.TestClickHouse;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ClickHouse lock: exclusive whatever the clocks say, shown with its holder, removed only by that holder's id. */
class ClickHouseLockingTest extends LockingContractTest {

    private static final Pattern HOLDER_ID = Pattern.compile("holder ([0-9a-f-]{36})");

    @Override
    String datasource() {
        return "clickhouse";
    }

    @Override
    String newDatabase() {
        return TestClickHouse.newDatabase("locking");
    }

    @Override
    Map<String, String> connectionProperties() {
        return Map.of();
    }

    @Override
    Connection connect() throws SQLException {
        return TestClickHouse.connect(url);
    }

    @Override
    String createTable(String table) {
        return "CREATE TABLE " + table + " (id Int32) ENGINE = MergeTree ORDER BY id";
    }

    @Override
    boolean tableExists(String table) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count() FROM system.tables WHERE database = currentDatabase() "
                     + "AND name = '" + table.replace("\\", "\\\\").replace("'", "\\'") + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    @Test
    void theEndpointLetsOnlyOneCreatorOfATableSucceed() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE only_one (x UInt8) ENGINE = Memory");
            SQLException second = assertThrows(SQLException.class,
                    () -> s.execute("CREATE TABLE only_one (x UInt8) ENGINE = Memory"));
            assertTrue(second.getMessage().contains("TABLE_ALREADY_EXISTS") || second.getErrorCode() == 57,
                    second.getMessage());
        }
    }

    @Test
    void aHolderWhoseClockIsAheadStillExcludesANewcomer() throws Exception {
        try (Connection other = connect(); MigrationLock held = holdLock(other)) {
            moveLockTimestampsAnHourAhead();
            assertThrows(LockTimeoutException.class, () -> migrator(Map.of("lockWaitSeconds", "1")).up());
            assertFalse(tableExists("t1"), "nothing ran while another run held the lock");
        }
        assertEquals(3, migrator(Map.of()).up().migrations().size());
    }

    @Test
    void statusAndTheTimeoutNameTheHolderWithItsId() throws Exception {
        try (Connection other = connect(); MigrationLock held = holdLock(other)) {
            String shown = migrator(Map.of()).status().datasources().get(0).locks().get(0);
            assertTrue(shown.contains("pid " + ProcessHandle.current().pid()), shown);
            assertTrue(shown.contains(InetAddress.getLocalHost().getHostName()), shown);
            assertTrue(shown.contains(System.getProperty("user.name")) && shown.contains(" since "), shown);
            String id = holderId(shown);
            LockTimeoutException timeout = assertThrows(LockTimeoutException.class,
                    () -> migrator(Map.of("lockWaitSeconds", "1")).up());
            assertTrue(timeout.getMessage().contains(id), timeout.getMessage());
            assertTrue(timeout.getMessage().contains("mvn brokle-migrate:unlock -Dbrokle.migrate.db=clickhouse "
                    + "-Dbrokle.migrate.holder=" + id), timeout.getMessage());
        }
    }

    @Test
    void unlockRefusesAHolderWhoseProcessIsAliveOnThisHost() throws Exception {
        try (Connection other = connect(); MigrationLock held = holdLock(other)) {
            String id = holderId(migrator(Map.of()).status().datasources().get(0).locks().get(0));
            MigrateException refused = assertThrows(MigrateException.class,
                    () -> migrator(Map.of("confirm", "yes", "holder", id)).repairs().unlock());
            assertTrue(refused.getMessage().contains("is alive"), refused.getMessage());
            assertEquals(1, migrator(Map.of()).status().datasources().get(0).locks().size(), "the lock stays");
        }
    }

    @Test
    void unlockRemovesAStaleHolderOnlyByItsId() throws Exception {
        LockHoldingProcess.holdAndDie(url);
        String shown = migrator(Map.of()).status().datasources().get(0).locks().get(0);
        String id = holderId(shown);
        MigrateException noId = assertThrows(MigrateException.class,
                () -> migrator(Map.of("confirm", "yes")).repairs().unlock());
        assertTrue(noId.getMessage().contains("-Dbrokle.migrate.holder=" + id), noId.getMessage());
        assertThrows(MigrateException.class,
                () -> migrator(Map.of("confirm", "yes", "holder", "00000000-0000-0000-0000-000000000000")).repairs().unlock());
        assertThrows(ConfirmationRefusedException.class, () -> migrator(Map.of("holder", id)).repairs().unlock());
        assertEquals(1, migrator(Map.of()).status().datasources().get(0).locks().size(), "the lock stays");
        migrator(Map.of("confirm", "yes", "holder", id)).repairs().unlock();
        assertTrue(log.stream().anyMatch(l -> l.contains("released the migration lock") && l.contains(id)), log.toString());
        assertEquals(3, migrator(Map.of("lockWaitSeconds", "1")).up().migrations().size());
    }

    @Test
    void unlockRemovesOnlyTheHolderThatWasConfirmed() throws Exception {
        LockHoldingProcess.holdAndDie(url);
        String stale = holderId(migrator(Map.of()).status().datasources().get(0).locks().get(0));
        List<MigrationLock> taken = new ArrayList<>();
        try (Connection other = connect()) {
            // while the operator reads the prompt, the stale lock goes and a new run takes the lock
            migrator(Map.of("holder", stale), action -> {
                migrator(Map.of("confirm", "yes", "holder", stale)).repairs().unlock();
                try {
                    taken.add(holdLock(other));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return Confirmer.Decision.CONFIRMED;
            }).repairs().unlock();
            assertTrue(log.stream().anyMatch(l -> l.contains("no change") && l.contains(stale)), log.toString());
            List<String> locks = migrator(Map.of()).status().datasources().get(0).locks();
            assertEquals(1, locks.size(), "the new holder keeps its lock");
            assertFalse(locks.get(0).contains(stale), locks.toString());
            taken.get(0).close();
        }
    }

    @Test
    void dropRemovesTablesWhoseNamesNeedEscaping() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `back\\\\slash` (x UInt8) ENGINE = Memory");
            s.execute("CREATE TABLE `back\\`tick` (x UInt8) ENGINE = Memory");
        }
        assertTrue(tableExists("back\\slash") && tableExists("back`tick"));
        migrator(Map.of("confirm", "yes")).repairs().drop();
        assertFalse(tableExists("back\\slash"), "a backslash in a name is escaped");
        assertFalse(tableExists("back`tick"));
    }

    /** What a holder on a node whose clock is an hour ahead would have written: every lock timestamp later. */
    private void moveLockTimestampsAnHourAhead() throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table, name FROM system.columns WHERE database = currentDatabase() "
                     + "AND table LIKE 'schema_migrations_lock%' AND type LIKE 'DateTime%'")) {
            while (rs.next()) {
                columns.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String[] column : columns) {
                s.execute("ALTER TABLE `" + column[0] + "` UPDATE `" + column[1] + "` = `" + column[1]
                        + "` + INTERVAL 1 HOUR WHERE 1 SETTINGS mutations_sync = 2");
            }
        }
    }

    private static String holderId(String shown) {
        Matcher matcher = HOLDER_ID.matcher(shown);
        assertTrue(matcher.find(), "the holder's id is shown: " + shown);
        return matcher.group(1);
    }
}
