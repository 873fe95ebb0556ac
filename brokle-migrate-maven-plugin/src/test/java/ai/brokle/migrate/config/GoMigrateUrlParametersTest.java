package ai.brokle.migrate.config;

import ai.brokle.migrate.UserError;
import ai.brokle.migrate.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** golang-migrate's own {@code x-*} URL parameters: honoured, accepted, or refused with the fix; never dropped. */
class GoMigrateUrlParametersTest {

    private static final String PARAM = "brokle.migrate.postgres.url (from environment)";

    private final List<String> notes = new ArrayList<>();

    private DatabaseUrl parse(String datasource, String url) {
        return DatabaseUrl.parse(Dialects.of(datasource), PARAM, url, null, notes::add);
    }

    private ConfigurationException refused(String datasource, String url) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(datasource, url));
        assertTrue(e.getMessage().startsWith(PARAM + "="), e.getMessage());
        assertFalse(e.getMessage().contains("Secr3t"), e.getMessage());
        assertInstanceOf(UserError.class, e);
        return e;
    }

    @Test
    void postgresMigrationsTableIsReadAndLeftOutOfTheJdbcUrl() {
        DatabaseUrl url = parse("postgres", "postgres://u:Secr3t@h/db?sslmode=disable&x-migrations-table=go_versions");
        assertEquals("jdbc:postgresql://h:5432/db?sslmode=disable", url.jdbcUrl());
        assertEquals("go_versions", url.goMigrate().table());
    }

    @Test
    void clickhouseMigrationsTableClusterAndEngineAreRead() {
        DatabaseUrl url = parse("clickhouse", "clickhouse://h:8123/db?x-migrations-table=ch_versions"
                + "&x-cluster-name=brokle_cluster&x-migrations-table-engine=ReplicatedMergeTree");
        assertEquals("jdbc:clickhouse:http://h:8123/db", url.jdbcUrl());
        assertEquals("ch_versions", url.goMigrate().table());
        assertEquals("brokle_cluster", url.goMigrate().cluster());
        assertEquals("ReplicatedMergeTree", url.goMigrate().tableEngine());
    }

    @Test
    void engineWithArgumentsIsKeptWhole() {
        DatabaseUrl url = parse("clickhouse", "clickhouse://h/db?x-migrations-table-engine="
                + "ReplicatedMergeTree(%27%2Fclickhouse%2Ftables%2Fsm%27%2C%20%27%7Breplica%7D%27)");
        assertEquals("ReplicatedMergeTree('/clickhouse/tables/sm', '{replica}')", url.goMigrate().tableEngine());
    }

    @Test
    void statementTimeoutIsMilliseconds() {
        assertEquals(Duration.ofMillis(1500),
                parse("postgres", "postgres://h/db?x-statement-timeout=1500").goMigrate().statementTimeout());
        assertNull(parse("postgres", "postgres://h/db?x-statement-timeout=0").goMigrate().statementTimeout(),
                "0 means no timeout, as in golang-migrate");
    }

    @Test
    void quotedTableNamesASchemaAndATable() {
        assertEquals("migrate.schema_migrations", parse("postgres",
                "postgres://h/db?x-migrations-table=%22migrate%22.%22schema_migrations%22&x-migrations-table-quoted=true")
                .goMigrate().table());
        assertEquals("versions", parse("postgres",
                "postgres://h/db?x-migrations-table=\"versions\"&x-migrations-table-quoted=1").goMigrate().table());
    }

    @Test
    void multiStatementParametersAreAcceptedBecauseThePluginAlwaysSplits() {
        DatabaseUrl url = parse("clickhouse", "clickhouse://h:8123/db?x-multi-statement=true"
                + "&x-multi-statement-max-size=1048576");
        assertEquals("jdbc:clickhouse:http://h:8123/db", url.jdbcUrl());
        assertEquals(GoMigrateParameters.NONE, url.goMigrate());
        assertEquals(GoMigrateParameters.NONE,
                parse("postgres", "postgres://h/db?x-multi-statement=false").goMigrate());
    }

    @Test
    void jdbcPostgresUrlParametersAreReadToo() {
        DatabaseUrl url = parse("postgres", "jdbc:postgresql://h:5432/db?x-statement-timeout=250&ssl=false");
        assertEquals("jdbc:postgresql://h:5432/db?ssl=false", url.jdbcUrl());
        assertEquals(Duration.ofMillis(250), url.goMigrate().statementTimeout());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "postgres   | postgres://u:Secr3t@h/db?x-foo=1 | x-foo",
            "postgres   | postgres://h/db?x-no-lock=true | x-no-lock",
            "postgres   | postgres://h/db?x-cluster-name=c | x-cluster-name",
            "postgres   | jdbc:postgresql://h/db?password=Secr3t&x-keep=1 | x-keep",
            "clickhouse | clickhouse://u:Secr3t@h:9000/db?x-statement-timeout=5 | x-statement-timeout",
            "clickhouse | clickhouse://h/db?x-migrations-table-quoted=true | x-migrations-table-quoted",
    })
    void unknownParametersAreRefusedListingTheSupportedOnes(String datasource, String url, String parameter) {
        ConfigurationException e = refused(datasource, url);
        assertTrue(e.getMessage().contains(parameter), e.getMessage());
        assertTrue(e.getMessage().contains("x-migrations-table"), "lists the supported ones: " + e.getMessage());
        assertTrue(e.getMessage().contains("Remove " + parameter), e.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "postgres   | postgres://h/db?x-statement-timeout=5s | x-statement-timeout",
            "postgres   | postgres://h/db?x-statement-timeout=-1 | x-statement-timeout",
            "postgres   | postgres://h/db?x-migrations-table-quoted=maybe | x-migrations-table-quoted",
            "postgres   | postgres://h/db?x-migrations-table=public.versions | x-migrations-table-quoted=true",
            "postgres   | postgres://h/db?x-migrations-table=Versions | lower-case",
            "postgres   | postgres://h/db?x-migrations-table=versions&x-migrations-table-quoted=true | quoted",
            "postgres   | postgres://h/db?x-migrations-table=%22a%22.%22b%22.%22c%22&x-migrations-table-quoted=true | quoted",
            "postgres   | postgres://h/db?x-migrations-table=v;drop | x-migrations-table",
            "clickhouse | clickhouse://h/db?x-migrations-table=v%20x | x-migrations-table",
            "clickhouse | clickhouse://h/db?x-cluster-name=a;b | x-cluster-name",
            "clickhouse | clickhouse://h/db?x-migrations-table-engine=TinyLog;DROP | x-migrations-table-engine",
            "clickhouse | clickhouse://h/db?x-migrations-table=a&x-migrations-table=b | x-migrations-table",
    })
    void valuesThePluginCannotHonourAreRefusedWithTheFix(String datasource, String url, String named) {
        ConfigurationException e = refused(datasource, url);
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
    }
}
