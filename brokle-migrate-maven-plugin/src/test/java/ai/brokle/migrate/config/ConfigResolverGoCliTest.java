package ai.brokle.migrate.config;

import ai.brokle.migrate.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Go CLI's configuration read in full: golang-migrate URL parameters and Brokle's DB_* variables. */
class ConfigResolverGoCliTest {

    private static final String SECRET = "Pa55-w0rd-XYZ";

    @TempDir
    Path baseDir;

    private final Map<String, String> pom = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> cli = new HashMap<>();

    private MigrateConfig resolve() {
        return ConfigResolver.resolve(new ConfigSources(baseDir, baseDir.resolve("target/brokle-migrate"), pom, env,
                cli, id -> Optional.empty()), Dialects.all());
    }

    private DatasourceConfig postgres() {
        return resolve().datasource("postgres").orElseThrow();
    }

    private DatasourceConfig clickhouse() {
        return resolve().datasource("clickhouse").orElseThrow();
    }

    private ConfigurationException failure() {
        ConfigurationException e = assertThrows(ConfigurationException.class, this::resolve);
        assertFalse(e.getMessage().contains(SECRET), "password leaked: " + e.getMessage());
        return e;
    }

    private void dotEnv(String... lines) throws IOException {
        Files.writeString(baseDir.resolve(".env"), String.join("\n", lines) + "\n");
    }

    // ------------------------------------------------------------------ x-migrations-table, x-cluster-name

    @Test
    void urlMigrationsTableSetsTheVersionTable() {
        env.put("DATABASE_URL", "postgres://u:" + SECRET + "@h/db?x-migrations-table=go_versions");
        env.put("CLICKHOUSE_URL", "clickhouse://h:8123/db?x-migrations-table=ch_versions");
        assertEquals("go_versions", postgres().table());
        assertEquals("ch_versions", clickhouse().table());
        assertEquals("jdbc:postgresql://h:5432/db", postgres().jdbcUrl());
    }

    @Test
    void explicitTableEqualToTheUrlsIsFine() {
        env.put("DATABASE_URL", "postgres://h/db?x-migrations-table=go_versions");
        pom.put("postgres.table", "go_versions");
        assertEquals("go_versions", postgres().table());
    }

    @Test
    void explicitTableDifferentFromTheUrlsIsAnErrorNamingBoth() {
        env.put("DATABASE_URL", "postgres://u:" + SECRET + "@h/db?x-migrations-table=go_versions");
        pom.put("postgres.table", "versions");
        String message = failure().getMessage();
        assertTrue(message.contains("brokle.migrate.postgres.table (from pom <configuration>)=versions"), message);
        assertTrue(message.contains("x-migrations-table=go_versions"), message);
        assertTrue(message.contains("brokle.migrate.postgres.url (from environment)"), message);
        assertTrue(message.endsWith("."), message);
    }

    @Test
    void urlClusterSetsTheClusterAndConflictsWithADifferentExplicitOne() {
        cli.put("brokle.migrate.clickhouse.url", "clickhouse://h:8123/db?x-cluster-name=brokle_cluster"
                + "&x-migrations-table-engine=ReplicatedMergeTree");
        DatasourceConfig ch = clickhouse();
        assertEquals("brokle_cluster", ch.cluster());
        assertEquals("ReplicatedMergeTree", ch.tableEngine());

        pom.put("clickhouse.cluster", "brokle_cluster");
        assertEquals("brokle_cluster", clickhouse().cluster());

        pom.put("clickhouse.cluster", "other_cluster");
        String message = failure().getMessage();
        assertTrue(message.contains("brokle.migrate.clickhouse.cluster (from pom <configuration>)=other_cluster"),
                message);
        assertTrue(message.contains("x-cluster-name=brokle_cluster"), message);
    }

    @Test
    void statementTimeoutIsCarriedToTheDatasource() {
        env.put("DATABASE_URL", "postgres://h/db?x-statement-timeout=60000&x-multi-statement=true");
        assertEquals(Duration.ofMinutes(1), postgres().statementTimeout());
        assertNull(clickhouse().statementTimeout());
    }

    @Test
    void unknownUrlParameterIsAnErrorNamingWhereTheUrlCameFrom() throws IOException {
        dotEnv("DATABASE_URL=postgres://u:" + SECRET + "@h/db?x-migrations-tabel=v");
        String message = failure().getMessage();
        assertTrue(message.startsWith("brokle.migrate.postgres.url (from .env)="), message);
        assertTrue(message.contains("x-migrations-tabel"), message);
    }

    // ------------------------------------------------------------------ DB_* variables

    @Test
    void dbVariablesBuildThePostgresUrlWithBrokleDefaults() {
        env.put("DB_HOST", "db.internal");
        env.put("DB_USER", "brokle");
        env.put("DB_PASSWORD", SECRET);
        env.put("DB_NAME", "brokle_dev");
        DatasourceConfig pg = postgres();
        assertFalse(pg.embedded());
        assertEquals("jdbc:postgresql://db.internal:5432/brokle_dev?sslmode=disable", pg.jdbcUrl());
        assertEquals("brokle", pg.username());
        assertEquals(SECRET, pg.password());
        assertFalse(pg.toString().contains(SECRET), pg.toString());
    }

    @Test
    void dbVariablesFromDotEnvWithPortSslModeAndSpecialCharactersInThePassword() throws IOException {
        dotEnv("DB_NAME=app", "DB_PORT=6432", "DB_SSLMODE=require", "DB_USER=me@corp", "DB_PASSWORD='p@ss/w#rd?:% +'");
        DatasourceConfig pg = postgres();
        assertEquals("jdbc:postgresql://localhost:6432/app?sslmode=require", pg.jdbcUrl());
        assertEquals("me@corp", pg.username());
        assertEquals("p@ss/w#rd?:% +", pg.password());
    }

    @Test
    void databaseUrlWinsOverDbVariablesInTheSameLayer() {
        env.put("DATABASE_URL", "postgres://url-host/db");
        env.put("DB_HOST", "db-host");
        env.put("DB_NAME", "other");
        assertEquals("jdbc:postgresql://url-host:5432/db", postgres().jdbcUrl());
    }

    @Test
    void layersKeepTheirPrecedenceOverDbVariables() throws IOException {
        dotEnv("DATABASE_URL=postgres://dotenv-host/db");
        env.put("DB_HOST", "env-host");
        env.put("DB_NAME", "envdb");
        assertEquals("jdbc:postgresql://env-host:5432/envdb?sslmode=disable", postgres().jdbcUrl(),
                "DB_* in the environment beat .env");
        cli.put("brokle.migrate.postgres.url", "jdbc:postgresql://cli-host/db");
        assertEquals("jdbc:postgresql://cli-host/db", postgres().jdbcUrl(), "-D beats the environment");
        assertNull(postgres().username(), "the environment's DB_USER does not leak into a -D URL");
    }

    @Test
    void dbVariablesWithoutHostOrNameAreIgnored() {
        env.put("DB_USER", "brokle");
        env.put("DB_PASSWORD", SECRET);
        env.put("DB_SSLMODE", "require");
        assertTrue(postgres().embedded());
    }

    @Test
    void badDbPortIsAnErrorNamingTheVariable() {
        env.put("DB_HOST", "h");
        env.put("DB_PORT", "54x2");
        env.put("DB_PASSWORD", SECRET);
        String message = failure().getMessage();
        assertTrue(message.startsWith("DB_PORT (from environment)=54x2"), message);
        assertTrue(message.contains("DB_PORT=5432"), "shows the fix: " + message);
    }

    @Test
    void badDbSslModeAndHostAreErrorsNamingTheVariable() {
        env.put("DB_HOST", "h");
        env.put("DB_NAME", "db");
        env.put("DB_SSLMODE", "disable&x-foo=1");
        String message = failure().getMessage();
        assertTrue(message.startsWith("DB_SSLMODE (from environment)="), message);
        assertTrue(message.contains("verify-full"), "lists the modes: " + message);

        env.remove("DB_SSLMODE");
        env.put("DB_HOST", "h/x@y");
        message = failure().getMessage();
        assertTrue(message.startsWith("DB_HOST (from environment)=h/x@y"), message);
    }

    @Test
    void ipv6DbHostIsBracketed() {
        env.put("DB_HOST", "::1");
        env.put("DB_NAME", "db");
        assertEquals("jdbc:postgresql://[::1]:5432/db?sslmode=disable", postgres().jdbcUrl());
    }
}
