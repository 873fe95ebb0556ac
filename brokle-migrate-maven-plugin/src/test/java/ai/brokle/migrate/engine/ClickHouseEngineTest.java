package ai.brokle.migrate.engine;

import ai.brokle.migrate.testing.TestClickHouse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine contract on a real ClickHouse engine (the project's chdb endpoint), plus ClickHouse specifics. */
class ClickHouseEngineTest extends StateTruthContractTest {

    @Override
    String datasource() {
        return "clickhouse";
    }

    @Override
    String newDatabase() {
        return TestClickHouse.newDatabase("engine");
    }

    @Override
    Map<String, String> connectionProperties() {
        return Map.of();
    }

    @Override
    String createTable(String table) {
        return "CREATE TABLE " + table + " (id Int32) ENGINE = MergeTree ORDER BY id";
    }

    @Override
    boolean tableExists(String table) throws SQLException {
        return queryLong("SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = '" + table
                + "'") > 0;
    }

    @Override
    Optional<long[]> schemaMigrations() throws SQLException {
        if (!tableExists("schema_migrations")) {
            return Optional.empty();
        }
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, dirty FROM schema_migrations ORDER BY sequence DESC LIMIT 1")) {
            if (!rs.next() || (rs.getLong(1) == -1 && rs.getLong(2) == 0)) {
                return Optional.empty();
            }
            return Optional.of(new long[]{rs.getLong(1), rs.getLong(2)});
        }
    }

    @Override
    String nonTransactional(String sql) {
        return sql;
    }

    @Override
    String trackingDump() throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM system.tables WHERE database = currentDatabase() "
                    + "ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                dump.append(table).append(":\n");
                try (ResultSet rs = s.executeQuery("SELECT * FROM `" + table + "` ORDER BY tuple(*)")) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            dump.append(rs.getString(i)).append('|');
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    @Override
    void writeAsGoCli(long version, boolean dirty) throws SQLException {
        execute("CREATE TABLE IF NOT EXISTS schema_migrations (version Int64, dirty UInt8, sequence UInt64) "
                + "ENGINE = TinyLog");
        execute("INSERT INTO schema_migrations (version, dirty, sequence) VALUES (" + version + ", " + (dirty ? 1 : 0)
                + ", " + System.currentTimeMillis() * 1_000_000L + ")");
    }

    @Override
    void execute(String sql) throws SQLException {
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    List<String> changeLogIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        if (!tableExists("DATABASECHANGELOG")) {
            return ids;
        }
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ID FROM DATABASECHANGELOG WHERE FILENAME = 'brokle-migrate/clickhouse' "
                     + "ORDER BY ORDEREXECUTED")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** ClickHouse has no transactions: the first statement stays, and the database is dirty at the failed version. */
    @Override
    void assertFailedMigrationState() throws SQLException {
        assertTrue(tableExists("half"));
        assertEquals(2L, schemaMigrations().orElseThrow()[0]);
        assertEquals(1L, schemaMigrations().orElseThrow()[1]);
    }

    @Test
    void splitterHandlesQuotesCommentsAndMissingTrailingSemicolon() throws Exception {
        write("000001_events.up.sql", """
                -- events with tricky literals
                CREATE TABLE events (
                    id String,
                    note String DEFAULT 'a;b',   # hash comment; with a semicolon
                    `weird;name` String DEFAULT 'it\\'s; fine'
                ) ENGINE = MergeTree ORDER BY id;
                /* block; comment */
                INSERT INTO events (id) VALUES ('x;y')
                """);
        write("000001_events.down.sql", "DROP TABLE events; -- trailing comment only\n");
        migrator(Map.of()).up();
        assertEquals(1, queryLong("SELECT count() FROM events WHERE id = 'x;y' AND note = 'a;b' "
                + "AND `weird;name` = 'it''s; fine'"));
        migrator(Map.of("confirm", "yes")).down();
        assertTrue(!tableExists("events"));
    }

    /**
     * golang-migrate's documented ClickHouse form puts user, password and database in the query
     * ({@code clickhouse://host:9000?username=u&password=p&database=db}): the migrations and golang-migrate's table go
     * to that database, as with the Go CLI.
     */
    @Test
    void usernamePasswordAndDatabaseMayBeQueryParameters() throws Exception {
        String database = url.substring(url.lastIndexOf('/') + 1);
        write("000001_t.up.sql", createTable("t") + ";\n");
        write("000001_t.down.sql", "DROP TABLE t;\n");
        migrator(Map.of("clickhouse.url", "clickhouse://127.0.0.1:" + TestClickHouse.port() + "?username=default"
                + "&password=&database=" + database + "&x-multi-statement=true")).up();
        assertTrue(tableExists("t"));
        assertEquals(1L, schemaMigrations().orElseThrow()[0]);
    }

    /**
     * The Go CLI's ClickHouse driver (clickhouse-go) takes client options in the URL (timeouts, compression,
     * debugging); they are the client's, so the plugin's connection works with them too.
     */
    @Test
    void theGoDriversClientOptionsInTheUrlDoNotBreakTheConnection() throws Exception {
        String database = url.substring(url.lastIndexOf('/') + 1);
        write("000001_t.up.sql", createTable("t") + ";\n");
        write("000001_t.down.sql", "DROP TABLE t;\n");
        migrator(Map.of("clickhouse.url", "clickhouse://default@127.0.0.1:" + TestClickHouse.port() + "/" + database
                + "?dial_timeout=5s&read_timeout=30s&compress=lz4&debug=false&block_size=1000000"
                + "&connection_open_strategy=in_order&max_execution_time=60&x-multi-statement=true")).up();
        assertTrue(tableExists("t"));
    }

    /** ClickHouse nests block comments and reads {@code $$ ... $$} / {@code $tag$ ... $tag$} as strings (heredocs). */
    @Test
    void nestedCommentsAndHeredocsHoldSemicolons() throws Exception {
        write("000001_notes.up.sql", """
                /* outer /* inner; */ still the comment; */
                CREATE TABLE notes (id String, body String) ENGINE = MergeTree ORDER BY id;
                INSERT INTO notes VALUES ('a', $$one; two$$), ('b', $tag$it's; $$ fine$tag$);
                """);
        write("000001_notes.down.sql", "DROP TABLE notes;\n");
        migrator(Map.of()).up();
        assertEquals(1, queryLong("SELECT count() FROM notes WHERE id = 'a' AND body = 'one; two'"));
        assertEquals(1, queryLong("SELECT count() FROM notes WHERE id = 'b' AND body = 'it''s; $$ fine'"));
    }

    /**
     * Per run, the one session query (the tracking database and the server's version, which Liquibase asks for on
     * every statement it generates); per migration only its statements and its three bookkeeping writes.
     */
    @Test
    void upSendsNoRequestThatCarriesNoWork() throws Exception {
        for (int v = 1; v <= 3; v++) {
            write(String.format("%06d_t%d.up.sql", v, v), createTable("t" + v) + ";\nINSERT INTO t" + v + " VALUES (1);\n");
        }
        int before = TestClickHouse.requests().size();
        assertEquals(3, migrator(Map.of()).up().migrations().size());
        List<String> all = TestClickHouse.requests();
        List<String> sent = all.subList(before, all.size());
        List<String> idle = sent.stream().filter(r -> r.matches(".*ms SELECT (1|version\\(\\).*|currentDatabase\\(\\))"))
                .toList();
        assertEquals(List.of(), idle, String.join("\n", sent));
        assertEquals(1, sent.stream().filter(r -> r.endsWith("ms SELECT currentDatabase(), version()")).count(),
                String.join("\n", sent));
        assertEquals(6, sent.stream().filter(r -> r.matches(".*ms (CREATE TABLE t|INSERT INTO t)\\d.*")).count());
    }

    @Test
    void executionTimestampsAreCurrent() throws Exception {
        write("000001_a.up.sql", createTable("a"));
        long before = queryLong("SELECT toUnixTimestamp(now())");
        Thread.sleep(1100);
        migrator(Map.of()).up();
        long executed = queryLong("SELECT toUnixTimestamp(max(DATEEXECUTED)) FROM DATABASECHANGELOG");
        assertTrue(executed >= before, "DATEEXECUTED " + executed + " is before the run started (" + before + ")");
    }

    @Test
    void sampleSetRoundTripsUpDownAllUp() throws Exception {
        dir = java.nio.file.Path.of("..", "migrations", "clickhouse").toAbsolutePath().normalize();
        int count = migrator(Map.of()).up().migrations().size();
        assertTrue(count >= 6, "the sample ClickHouse set holds at least 6 migrations");
        assertTrue(tableExists("traces") && tableExists("spans") && tableExists("quality_scores"));
        assertEquals(count, migrator(Map.of("confirm", "yes", "steps", String.valueOf(count))).down().migrations().size());
        assertEquals(0, queryLong("SELECT count() FROM system.tables WHERE database = currentDatabase() AND name NOT IN "
                + "('DATABASECHANGELOG', 'DATABASECHANGELOGLOCK', 'schema_migrations', 'schema_migrations_lock')"));
        assertEquals(count, migrator(Map.of()).up().migrations().size());
        assertEquals(Health.HEALTHY, migrator(Map.of()).status().overall());
    }

    @Test
    void clusterTrackingTablesAreReplicatedInTheDryRun() throws Exception {
        write("000001_a.up.sql", createTable("a"));
        migrator(Map.of("dryRun", "true", "clickhouse.cluster", "brokle_cluster")).up();
        String printed = String.join("\n", log);
        assertTrue(printed.contains("CREATE TABLE IF NOT EXISTS `schema_migrations` ON CLUSTER `brokle_cluster` "
                + "(version Int64, dirty UInt8, sequence UInt64) ENGINE = ReplicatedMergeTree ORDER BY sequence"), printed);
        assertTrue(printed.contains("CREATE TABLE IF NOT EXISTS DATABASECHANGELOG ON CLUSTER `brokle_cluster`"), printed);
        assertTrue(!tableExists("a") && !tableExists("schema_migrations"), "a dry run creates nothing");
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
