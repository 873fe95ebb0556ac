package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.state.SchemaVersion;
import ai.brokle.migrate.state.VersionTable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * golang-migrate's ClickHouse table: append-only {@code (version Int64, dirty UInt8, sequence UInt64)}, the current
 * state being the row with the highest sequence. "Nothing applied" is recorded as version -1, as golang-migrate does.
 * A written sequence is the time in epoch nanoseconds, but always above every sequence already in the table (read
 * once, at the first write, under the migration lock), so a row from a clock that is ahead never hides a later one.
 */
final class ClickHouseVersionTable implements VersionTable {

    private final Connection connection;
    private final String name;
    /** The name as SQL writes it. */
    private final String table;
    private final String cluster;
    private final String engine;

    /** The highest sequence in the table or written by this run; null until first needed. */
    private Long lastSequence;

    ClickHouseVersionTable(Connection connection, String table, String cluster, String engine) {
        this.connection = connection;
        this.name = table;
        this.table = ClickHouseSql.identifier(table);
        this.cluster = cluster;
        this.engine = engine;
    }

    @Override
    public void ensureExists() throws SQLException {
        execute(createSql(name, cluster, engine));
    }

    /**
     * golang-migrate's own DDL: the engine from x-migrations-table-engine, else TinyLog, or with a cluster
     * ReplicatedMergeTree; engines of the MergeTree family are ordered by sequence.
     */
    static String createSql(String table, String cluster, String engine) {
        String chosen = engine != null ? engine : cluster == null ? "TinyLog" : "ReplicatedMergeTree";
        String family = chosen.contains("(") ? chosen.substring(0, chosen.indexOf('(')) : chosen;
        return "CREATE TABLE IF NOT EXISTS " + ClickHouseSql.identifier(table) + ClickHouseSql.onCluster(cluster)
                + " (version Int64, dirty UInt8, sequence UInt64) ENGINE = " + chosen
                + (family.strip().endsWith("MergeTree") ? " ORDER BY sequence" : "");
    }

    @Override
    public boolean exists() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("EXISTS TABLE " + table)) {
            return exists.next() && exists.getInt(1) != 0;
        }
    }

    @Override
    public Optional<SchemaVersion> read() throws SQLException {
        if (!exists()) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version, dirty FROM " + table
                     + " ORDER BY sequence DESC LIMIT 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            SchemaVersion state = new SchemaVersion(rs.getLong(1), rs.getInt(2) != 0);
            return state.nil() && !state.dirty() ? Optional.empty() : Optional.of(state);
        }
    }

    @Override
    public void write(Optional<SchemaVersion> state) throws SQLException {
        if (lastSequence == null) {
            lastSequence = highestSequence();
        }
        for (String sql : writeSql(state)) {
            execute(sql);
        }
    }

    @Override
    public List<String> writeSql(Optional<SchemaVersion> state) {
        long version = state.map(SchemaVersion::version).orElse(SchemaVersion.NIL);
        int dirty = state.map(SchemaVersion::dirty).orElse(false) ? 1 : 0;
        return List.of("INSERT INTO " + table + " (version, dirty, sequence) VALUES (" + version + ", " + dirty + ", "
                + nextSequence() + ")");
    }

    /** Now in epoch nanoseconds, or one more than the last sequence when that is later. */
    private long nextSequence() {
        Instant now = Instant.now();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        lastSequence = lastSequence == null ? nanos : Math.max(lastSequence + 1, nanos);
        return lastSequence;
    }

    private long highestSequence() throws SQLException {
        if (!exists()) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT max(sequence) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
