package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.dialect.LockTimeoutException;
import ai.brokle.migrate.dialect.MigrationLock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A session-level advisory lock, keyed like golang-migrate's (database, schema, version table). It dies with the
 * connection, so a killed run can never leave a stale lock behind.
 */
final class PostgresAdvisoryLock implements MigrationLock {

    private static final String KEY = "hashtextextended(current_database() || '.' || current_schema() || '.' || ?, 0)";

    private final Connection connection;
    private final String table;

    private PostgresAdvisoryLock(Connection connection, String table) {
        this.connection = connection;
        this.table = table;
    }

    static PostgresAdvisoryLock acquire(Connection connection, String table, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try (PreparedStatement try_ = connection.prepareStatement("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                try_.setString(1, table);
                try (ResultSet rs = try_.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return new PostgresAdvisoryLock(connection, table);
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new LockTimeoutException("postgres", wait.toSeconds(), String.join(", ", holders(connection, table)));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the migration lock", e);
            }
        }
    }

    /** Holders as "pid N (application, client) since timestamp". */
    static List<String> holders(Connection connection, String table) throws SQLException {
        List<String> holders = new ArrayList<>();
        String sql = "SELECT a.pid, a.application_name, a.client_addr, a.backend_start FROM pg_locks l "
                + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                + "AND ((l.classid::bigint << 32) | l.objid::bigint) = " + KEY + " AND a.pid <> pg_backend_pid()";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    holders.add("pid " + rs.getInt(1) + " (" + rs.getString(2) + ", "
                            + (rs.getString(3) == null ? "local" : rs.getString(3)) + ") since "
                            + rs.getTimestamp(4).toInstant());
                }
            }
        }
        return holders;
    }

    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(" + KEY + ")")) {
            unlock.setString(1, table);
            unlock.execute();
        }
    }
}
