package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.dialect.LockTimeoutException;
import ai.brokle.migrate.dialect.MigrationLock;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A lock by row insertion, for a database without transactions: every contender inserts its own row and reads all
 * rows back; the oldest row (ties broken by holder id) owns the lock and the others delete theirs and wait. All
 * contenders see the same order, so exactly one holds it. A row left by a killed process stays until
 * {@code unlock} removes it, and {@code status} shows who and since when.
 */
final class ClickHouseLock implements MigrationLock {

    private final Connection connection;
    private final String table;
    private final String holder;

    private ClickHouseLock(Connection connection, String table, String holder) {
        this.connection = connection;
        this.table = table;
        this.holder = holder;
    }

    static String tableFor(String versionTable) {
        return versionTable + "_lock";
    }

    static String createSql(String table, String cluster) {
        return "CREATE TABLE IF NOT EXISTS " + table + (cluster == null ? "" : " ON CLUSTER " + cluster)
                + " (holder String, description String, acquired DateTime64(3, 'UTC'))"
                + " ENGINE = " + (cluster == null ? "MergeTree" : "ReplicatedMergeTree") + " ORDER BY holder";
    }

    static void ensureTable(Connection connection, String table, String cluster) throws SQLException {
        execute(connection, createSql(table, cluster));
    }

    static ClickHouseLock acquire(Connection connection, String table, String cluster, Duration wait)
            throws SQLException {
        ensureTable(connection, table, cluster);
        String holder = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (holder, description, acquired) VALUES (?, ?, now64(3))")) {
                insert.setString(1, holder);
                insert.setString(2, describeProcess());
                insert.executeUpdate();
            }
            String owner = null;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT holder FROM " + table
                         + " ORDER BY acquired, holder LIMIT 1")) {
                if (rs.next()) {
                    owner = rs.getString(1);
                }
            }
            if (holder.equals(owner)) {
                return new ClickHouseLock(connection, table, holder);
            }
            delete(connection, table, holder);
            if (System.nanoTime() > deadline) {
                throw new LockTimeoutException("clickhouse", wait.toSeconds(), String.join(", ",
                        holders(connection, table)));
            }
            sleep();
        }
    }

    static List<String> holders(Connection connection, String table) throws SQLException {
        List<String> holders = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("EXISTS TABLE " + table)) {
            if (!exists.next() || exists.getInt(1) == 0) {
                return holders;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT description, toString(acquired) FROM " + table
                     + " ORDER BY acquired, holder")) {
            while (rs.next()) {
                holders.add(rs.getString(1) + " since " + rs.getString(2) + " UTC");
            }
        }
        return holders;
    }

    static int releaseAll(Connection connection, String table) throws SQLException {
        int count = holders(connection, table).size();
        if (count > 0) {
            execute(connection, "TRUNCATE TABLE " + table);
        }
        return count;
    }

    @Override
    public void close() throws SQLException {
        delete(connection, table, holder);
    }

    private static void delete(Connection connection, String table, String holder) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("ALTER TABLE " + table
                + " DELETE WHERE holder = ? SETTINGS mutations_sync = 2")) {
            delete.setString(1, holder);
            delete.execute();
        }
    }

    private static String describeProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown host";
        }
        return "brokle-migrate pid " + ProcessHandle.current().pid() + " on " + host;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void sleep() throws SQLException {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the migration lock", e);
        }
    }
}
