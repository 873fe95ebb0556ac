package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.testing.TestMigrators;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** golang-migrate URL parameters on a real PostgreSQL: the Go CLI's URL means the same to the plugin. */
class PostgresGoCliParametersTest {

    @TempDir
    Path project;
    private String jdbcUrl;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(project.resolve("migrations"));
        jdbcUrl = TestPostgres.newDatabase("gocli");
    }

    /** The test database as Brokle writes it: {@code postgres://user@host:port/db?...}. */
    private String brokleUrl(String query) {
        return jdbcUrl.replace("jdbc:postgresql://", "postgres://" + TestPostgres.USER + "@") + "?" + query;
    }

    private TestMigrator migrator(String url) {
        return TestMigrators.build(project, Map.of("brokle.migrate.db", "postgres",
                "brokle.migrate.postgres.url", url), log, action -> Confirmer.Decision.NO_CONSOLE);
    }

    private void migration(String name, String up) throws IOException {
        Files.writeString(project.resolve("migrations/" + name + ".up.sql"), up);
        Files.writeString(project.resolve("migrations/" + name + ".down.sql"), "SELECT 1;\n");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(jdbcUrl); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void statementTimeoutStopsASlowMigrationStatement() throws IOException, SQLException {
        migration("000001_fast", "CREATE TABLE fast (id int);\n");
        migration("000002_slow", "SELECT pg_sleep(5);\n");
        long start = System.nanoTime();
        MigrateException e = assertThrows(MigrateException.class,
                () -> migrator(brokleUrl("sslmode=disable&x-statement-timeout=300")).up());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 4000, "failed after " + millis + " ms, not by the timeout");
        assertTrue(e.getMessage().contains("000002_slow"), e.getMessage());
        assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
        assertEquals(1, count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'fast'"),
                "the migration before the slow one is applied");
    }

    @Test
    void withoutATimeoutTheSameMigrationRuns() throws IOException {
        migration("000001_short_sleep", "SELECT pg_sleep(0.5);\n");
        assertEquals(1, migrator(brokleUrl("sslmode=disable")).up().migrations().size());
    }

    @Test
    void migrationsTableFromTheUrlIsTheVersionTable() throws IOException, SQLException {
        migration("000001_one", "CREATE TABLE one (id int);\n");
        migrator(brokleUrl("x-migrations-table=go_versions&x-multi-statement=true")).up();
        assertEquals(1, count("SELECT version FROM go_versions"));
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"));
    }

    /**
     * The Go CLI's driver (lib/pq) sends every URL parameter that is not one of its own settings to the server as a
     * run-time parameter: {@code search_path=app} puts the migrations and golang-migrate's table into schema app.
     * The plugin must land in the same place, with the same session settings.
     */
    @Test
    void runTimeParametersInTheUrlAreTheSessionsSettings() throws IOException, SQLException {
        try (Connection c = TestPostgres.connect(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA app");
        }
        migration("000001_settings", "CREATE TABLE settings AS SELECT current_schema() AS sch, "
                + "current_setting('application_name') AS app, current_setting('statement_timeout') AS st, "
                + "current_setting('work_mem') AS wm;\n");
        migrator(brokleUrl("sslmode=disable&search_path=app&application_name=brokle%20ci&statement_timeout=5000"
                + "&work_mem=8MB&connect_timeout=10&fallback_application_name=other&binary_parameters=yes")).up();
        assertEquals(1, count("SELECT count(*) FROM app.settings WHERE sch = 'app' AND app = 'brokle ci' "
                + "AND st = '5s' AND wm = '8MB'"));
        assertEquals(1, count("SELECT version FROM app.schema_migrations"));
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    /**
     * A time zone in the URL other than the JVM's cannot reach the session through the JDBC driver: refused, saying
     * what to do instead. The JVM's own zone is what the session gets anyway.
     */
    @Test
    void aTimeZoneInTheUrlIsRefusedWithTheWayToSetItUnlessItIsTheJvms() throws IOException {
        migration("000001_one", "CREATE TABLE one (id int);\n");
        String other = java.time.ZoneId.systemDefault().getId().equals("Asia/Tokyo") ? "Europe/Berlin" : "Asia/Tokyo";
        MigrateException e = assertThrows(MigrateException.class,
                () -> migrator(brokleUrl("sslmode=disable&TimeZone=" + other.replace("/", "%2F"))).up());
        assertTrue(e.getMessage().contains("MAVEN_OPTS=-Duser.timezone=" + other), e.getMessage());
        String jvm = java.time.ZoneId.systemDefault().getId();
        assertEquals(1, migrator(brokleUrl("sslmode=disable&timezone=" + jvm.replace("/", "%2F"))).up()
                .migrations().size());
    }

    @Test
    void failedConnectionLeavesNoPasswordInTheErrorOrItsCauses() {
        String url = jdbcUrl.replace("jdbc:postgresql://", "postgres://" + TestPostgres.PASSWORD_USER + ":wrong-"
                + TestPostgres.PASSWORD + "@");
        MigrateException e = assertThrows(MigrateException.class, () -> migrator(url).up());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(TestPostgres.PASSWORD), trace.toString());
        assertFalse(String.join("\n", log).contains(TestPostgres.PASSWORD), log.toString());
    }
}
