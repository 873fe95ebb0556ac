package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.dialect.LockHolder;
import ai.brokle.migrate.dialect.MigrationLocks;
import ai.brokle.migrate.dialect.LockTimeoutException;
import ai.brokle.migrate.dialect.MigrationLock;
import ai.brokle.migrate.dialect.RowReader;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * Session-level advisory locks, so a killed run can never leave a stale lock behind. A run holds every key that
 * another migrator of the same version table would take: golang-migrate's (database, schema, table) key in both the
 * forms its library and its CLI compute (the CLI takes the database name from the URL path, with its leading
 * slash), and the key of earlier versions of this plugin.
 */
final class PostgresAdvisoryLock implements MigrationLock {

    private static final long GOLANG_MIGRATE_SALT = 1486364155L;

    /** Keyed by the version table; advisory locks end with their session, so there is never a stale one to release. */
    static final MigrationLocks LOCKS = new MigrationLocks() {
        @Override
        public MigrationLock acquire(Connection connection, DatasourceConfig config, Duration wait)
                throws SQLException {
            return PostgresAdvisoryLock.acquire(connection, config.table(), wait);
        }

        @Override
        public List<LockHolder> holders(Connection connection, DatasourceConfig config) throws SQLException {
            return PostgresAdvisoryLock.holders(connection, config.table());
        }

        @Override
        public boolean release(Connection connection, DatasourceConfig config, String holderId) {
            return false;
        }
    };

    private final Connection connection;
    private final List<Long> keys;

    private PostgresAdvisoryLock(Connection connection, List<Long> keys) {
        this.connection = connection;
        this.keys = keys;
    }

    /** golang-migrate's key: CRC-32 (IEEE) of the NUL-joined names times its salt, as an unsigned 32-bit number. */
    static long golangMigrateKey(String database, String... names) {
        CRC32 crc = new CRC32();
        crc.update(database.getBytes(StandardCharsets.UTF_8));
        for (String name : names) {
            crc.update(0);
            crc.update(name.getBytes(StandardCharsets.UTF_8));
        }
        return (crc.getValue() * GOLANG_MIGRATE_SALT) & 0xFFFFFFFFL;
    }

    static List<Long> keys(Connection connection, String configuredTable) throws SQLException {
        PostgresNames.Table table = PostgresNames.Table.parse(configuredTable);
        try (PreparedStatement query = connection.prepareStatement("SELECT current_database(), current_schema(), "
                + "hashtextextended(current_database() || '.' || current_schema() || '.' || ?, 0)")) {
            query.setString(1, configuredTable);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                String database = rs.getString(1);
                String schema = table.schema() == null ? rs.getString(2) : table.schema();
                return List.of(golangMigrateKey(database, schema, table.name()),
                        golangMigrateKey("/" + database, schema, table.name()), rs.getLong(3));
            }
        }
    }

    static PostgresAdvisoryLock acquire(Connection connection, String table, Duration wait) throws SQLException {
        List<Long> keys = keys(connection, table);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<Long> taken = new ArrayList<>();
            for (long key : keys) {
                if (!call(connection, "pg_try_advisory_lock", key)) {
                    break;
                }
                taken.add(key);
            }
            if (taken.size() == keys.size()) {
                return new PostgresAdvisoryLock(connection, keys);
            }
            for (long key : taken) {
                call(connection, "pg_advisory_unlock", key);
            }
            if (System.nanoTime() > deadline) {
                List<LockHolder> holders = holders(connection, table);
                throw new LockTimeoutException("postgres", wait.toSeconds(), holders.isEmpty()
                        ? "a session that has just ended" : holders.stream().map(LockHolder::describe)
                        .collect(Collectors.joining(", ")), "if that session hangs, end it on the server: SELECT "
                        + "pg_terminate_backend(" + (holders.isEmpty() ? "<pid>" : holders.get(0).pid()) + ")");
            }
            MigrationLock.pauseBeforeRetry(200);
        }
    }

    /** Other sessions holding any of the keys: backend pid, application, client address, session start. */
    static List<LockHolder> holders(Connection connection, String table) throws SQLException {
        String keyList = keys(connection, table).stream().map(String::valueOf).collect(Collectors.joining(", "));
        List<LockHolder> holders = new ArrayList<>();
        String sql = "SELECT DISTINCT a.pid, a.application_name, a.client_addr, a.backend_start FROM pg_locks l "
                + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                + "AND ((l.classid::bigint << 32) | l.objid::bigint) IN (" + keyList + ") "
                + "AND a.pid <> pg_backend_pid() ORDER BY a.pid";
        RowReader.forEachRow(connection, sql, rs -> {
            String application = rs.getString(2);
            holders.add(new LockHolder("backend-" + rs.getInt(1),
                    application == null || application.isEmpty() ? "unnamed client" : application,
                    rs.getString(3) == null ? "local socket" : rs.getString(3), rs.getInt(1),
                    rs.getTimestamp(4).toInstant()));
        });
        return holders;
    }

    private static boolean call(Connection connection, String function, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        for (long key : keys) {
            call(connection, "pg_advisory_unlock", key);
        }
    }
}
