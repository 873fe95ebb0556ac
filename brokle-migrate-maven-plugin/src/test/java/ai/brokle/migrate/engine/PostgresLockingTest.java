package ai.brokle.migrate.engine;

import ai.brokle.migrate.dialect.LockTimeoutException;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Locking and identifiers on a real PostgreSQL: golang-migrate's lock key, quoted and schema-qualified tables. */
class PostgresLockingTest extends LockingContractTest {

    @Override
    String datasource() {
        return "postgres";
    }

    @Override
    String newDatabase() {
        return TestPostgres.newDatabase("locking");
    }

    @Override
    Map<String, String> connectionProperties() {
        return Map.of("brokle.migrate.postgres.username", TestPostgres.USER);
    }

    @Override
    Connection connect() throws SQLException {
        return TestPostgres.connect(url);
    }

    @Override
    String createTable(String table) {
        return "CREATE TABLE " + table + " (id integer PRIMARY KEY)";
    }

    @Override
    boolean tableExists(String table) throws SQLException {
        return queryLong("SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'") > 0;
    }

    @Test
    void dropAndResetRemoveASchemaQualifiedVersionTableSoUpRunsEverythingAgain() throws Exception {
        execute("CREATE SCHEMA other");
        Map<String, String> qualified = Map.of("postgres.table", "other.schema_migrations");
        migrator(qualified).up();
        assertEquals(3, queryLong("SELECT version FROM other.schema_migrations"));
        migrator(Map.of("postgres.table", "other.schema_migrations", "confirm", "yes")).repairs().drop();
        assertEquals(3, migrator(qualified).up().migrations().size(), log.toString());
        assertTrue(tableExists("t1") && tableExists("t3"), "up really ran every migration after drop");
        migrator(Map.of("postgres.table", "other.schema_migrations", "confirm", "yes")).repairs().reset();
        assertEquals(3, migrator(qualified).up().migrations().size(), log.toString());
        assertTrue(tableExists("t1") && tableExists("t3"), "up really ran every migration after reset");
    }

    @Test
    void reservedWordAndMixedCaseVersionTablesAreQuotedLikeGolangMigrate() throws Exception {
        migrator(Map.of("postgres.table", "user")).up();
        assertEquals(3, queryLong("SELECT version FROM \"user\""));
        url = newDatabase();
        migrator(Map.of("postgres.table", "Schema_Migrations")).up();
        assertEquals(3, queryLong("SELECT version FROM \"Schema_Migrations\""), "the exact name, as golang-migrate quotes it");
        assertEquals(Health.HEALTHY, migrator(Map.of("postgres.table", "Schema_Migrations")).status().overall());
    }

    @Test
    void golangMigrateHoldingItsLockKeepsThePluginWaiting() throws Exception {
        String database = url.substring(url.lastIndexOf('/') + 1);
        // the library form (database name from the server) and the CLI form (the URL path, with its slash)
        for (String name : new String[]{database, "/" + database}) {
            long key = golangMigrateLockKey(name, "public", "schema_migrations");
            try (Connection goCli = connect(); Statement s = goCli.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + key + ")");
                assertThrows(LockTimeoutException.class, () -> migrator(Map.of("lockWaitSeconds", "1")).up(), name);
            }
        }
        assertEquals(3, migrator(Map.of()).up().migrations().size());
    }

    /** golang-migrate's documented key: CRC-32 of the NUL-joined names, times its salt, as an unsigned 32-bit number. */
    static long golangMigrateLockKey(String... names) {
        CRC32 crc = new CRC32();
        crc.update(String.join("\0", names).getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() * 1486364155L) & 0xFFFFFFFFL;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row. */
    private long queryLong(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
