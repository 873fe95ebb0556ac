package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.dialect.LockHolder;
import ai.brokle.migrate.dialect.MigrationLocks;
import ai.brokle.migrate.dialect.LockTimeoutException;
import ai.brokle.migrate.dialect.MigrationLock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The migration lock on ClickHouse: a table that exists only while the lock is held. {@code CREATE TABLE} without
 * {@code IF NOT EXISTS} succeeds for one creator only, the others get TABLE_ALREADY_EXISTS — on one server, in a
 * Replicated database, and with {@code ON CLUSTER} (the distributed DDL queue orders the creations) — so exclusion
 * depends on neither clocks nor insert latency. The table's comment, written by the same statement, names the
 * holder (id, user, host, pid, since). Release drops the table; a killed run leaves it behind for {@code unlock}.
 */
final class ClickHouseLock implements MigrationLock {

    private static final String MARK = "brokle-migrate lock";
    private static final int TABLE_ALREADY_EXISTS = 57;

    /** A table per version table ({@link #tableFor}), created and dropped on every node of a cluster. */
    static final MigrationLocks LOCKS = new MigrationLocks() {
        @Override
        public MigrationLock acquire(Connection connection, DatasourceConfig config, Duration wait)
                throws SQLException {
            return ClickHouseLock.acquire(connection, tableFor(config.table()), config.cluster(), wait);
        }

        @Override
        public List<LockHolder> holders(Connection connection, DatasourceConfig config) throws SQLException {
            return holder(connection, tableFor(config.table())).stream().toList();
        }

        @Override
        public boolean release(Connection connection, DatasourceConfig config, String holderId) throws SQLException {
            return ClickHouseLock.release(connection, tableFor(config.table()), config.cluster(), holderId);
        }
    };

    private final Connection connection;
    private final String table;
    private final String cluster;
    private final String holderId;

    private ClickHouseLock(Connection connection, String table, String cluster, String holderId) {
        this.connection = connection;
        this.table = table;
        this.cluster = cluster;
        this.holderId = holderId;
    }

    /** The lock table of a version table: {@code schema_migrations_lock_held}. */
    static String tableFor(String versionTable) {
        return versionTable + "_lock_held";
    }

    static String createSql(String table, String cluster, LockHolder holder) {
        String comment = MARK + "; holder=" + clean(holder.id()) + "; who=" + clean(holder.who()) + "; host="
                + clean(holder.host()) + "; pid=" + holder.pid() + "; since=" + holder.since();
        return "CREATE TABLE " + ClickHouseSql.identifier(table) + ClickHouseSql.onCluster(cluster)
                + " (holder String) ENGINE = Memory COMMENT " + ClickHouseSql.literal(comment);
    }

    static ClickHouseLock acquire(Connection connection, String table, String cluster, Duration wait)
            throws SQLException {
        LockHolder me = LockHolder.thisProcess();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(createSql(table, cluster, me));
                return new ClickHouseLock(connection, table, cluster, me.id());
            } catch (SQLException e) {
                if (!alreadyExists(e)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                Optional<LockHolder> holder = holder(connection, table);
                throw new LockTimeoutException("clickhouse", wait.toSeconds(),
                        holder.map(LockHolder::describe).orElse("a run that has just finished"),
                        "if that process is gone, run: mvn brokle-migrate:unlock -Dbrokle.migrate.db=clickhouse "
                                + "-Dbrokle.migrate.holder=" + holder.map(LockHolder::id).orElse("<id shown by status>"));
            }
            MigrationLock.pauseBeforeRetry(250);
        }
    }

    /** The holder named by the lock table's comment, or empty when the lock is free. */
    static Optional<LockHolder> holder(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT comment, toString(metadata_modification_time)"
                + " FROM system.tables WHERE database = currentDatabase() AND name = ?")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(parse(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** Drops the lock table if {@code holderId} still holds it; the check and the drop are one request apart. */
    static boolean release(Connection connection, String table, String cluster, String holderId) throws SQLException {
        Optional<LockHolder> holder = holder(connection, table);
        if (holder.isEmpty() || !holder.get().id().equals(holderId)) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + ClickHouseSql.identifier(table)
                    + ClickHouseSql.onCluster(cluster) + " SYNC");
        }
        return true;
    }

    @Override
    public void close() throws SQLException {
        if (!release(connection, table, cluster, holderId)) {
            throw new SQLException("the lock had been removed (by unlock) while this run held it");
        }
    }

    private static LockHolder parse(String comment, String created) {
        Map<String, String> fields = new HashMap<>();
        if (comment != null && comment.startsWith(MARK)) {
            for (String part : comment.substring(MARK.length()).split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    fields.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
            }
        }
        long pid;
        Instant since;
        try {
            pid = Long.parseLong(fields.getOrDefault("pid", "0"));
            since = Instant.parse(fields.getOrDefault("since", created.replace(' ', 'T') + "Z"));
        } catch (RuntimeException e) {
            pid = 0;
            since = Instant.EPOCH;
        }
        return new LockHolder(fields.getOrDefault("holder", "unknown"), fields.getOrDefault("who", "unknown user"),
                fields.getOrDefault("host", "unknown host"), pid, since);
    }

    /** Keeps the comment's "; key=value" layout parseable whatever a user or host name holds. */
    private static String clean(String value) {
        return value.chars().mapToObj(c -> c == ';' || c == '=' ? "_" : String.valueOf((char) c))
                .collect(Collectors.joining());
    }

    private static boolean alreadyExists(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return e.getErrorCode() == TABLE_ALREADY_EXISTS || message.contains("TABLE_ALREADY_EXISTS")
                || message.contains("Code: 57.");
    }
}
