package ai.brokle.migrate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration defaults, the precedence of its sources, and paths. */
class ConfigResolverTest extends ConfigResolverFixture {

    // ------------------------------------------------------------------ defaults

    @Test
    void defaultsWithNothingConfigured() {
        MigrateConfig config = resolve();
        assertEquals("all", config.db());
        assertEquals("text", format());
        assertEquals(List.of("postgres", "clickhouse"), config.datasources().stream().map(DatasourceConfig::name).toList());
        assertNull(steps());
        assertNull(options().version("version", null));
        assertFalse(options().flag("dryRun", false));
        assertFalse(options().yes("confirm", null));
        assertEquals(baseDir, config.baseDir());

        DatasourceConfig pg = postgres(config);
        assertTrue(pg.embedded(), "no PostgreSQL URL anywhere means embedded PostgreSQL");
        assertTrue(pg.configured());
        assertNull(pg.jdbcUrl());
        assertEquals("embedded PostgreSQL", pg.displayUrl());
        assertEquals(baseDir.resolve("migrations"), pg.dir());
        assertEquals("schema_migrations", pg.table());

        DatasourceConfig ch = clickhouse(config);
        assertFalse(ch.embedded(), "ClickHouse is never embedded");
        assertFalse(ch.configured(), "no ClickHouse URL means ClickHouse is not configured");
        assertNull(ch.jdbcUrl());
        assertEquals(baseDir.resolve("migrations/clickhouse"), ch.dir());
        assertEquals("schema_migrations", ch.table());
    }

    // ------------------------------------------------------------------ precedence

    @Test
    void precedenceDefaultsPomDotEnvEnvironmentCommandLine() throws IOException {
        assertEquals(baseDir.resolve("migrations"), postgres(resolve()).dir());

        pom.put("postgres.dir", "from-pom");
        pom.put("postgres.url", "jdbc:postgresql://pom-host/db");
        assertEquals(baseDir.resolve("from-pom"), postgres(resolve()).dir());
        assertEquals("jdbc:postgresql://pom-host/db", postgres(resolve()).jdbcUrl());

        dotEnv("DATABASE_MIGRATIONS_PATH=from-dotenv", "DATABASE_URL=postgres://dotenv-host/db");
        assertEquals(baseDir.resolve("from-dotenv"), postgres(resolve()).dir());
        assertEquals("jdbc:postgresql://dotenv-host:5432/db", postgres(resolve()).jdbcUrl());

        env.put("DATABASE_MIGRATIONS_PATH", "from-env");
        env.put("DATABASE_URL", "postgres://env-host/db");
        assertEquals(baseDir.resolve("from-env"), postgres(resolve()).dir());
        assertEquals("jdbc:postgresql://env-host:5432/db", postgres(resolve()).jdbcUrl());

        cli.put("brokle.migrate.postgres.dir", "from-cli");
        cli.put("brokle.migrate.postgres.url", "jdbc:postgresql://cli-host/db");
        assertEquals(baseDir.resolve("from-cli"), postgres(resolve()).dir());
        assertEquals("jdbc:postgresql://cli-host/db", postgres(resolve()).jdbcUrl());
        assertFalse(postgres(resolve()).embedded());
    }

    @Test
    void commandLineBeatsPomForCommonParameters() {
        pom.put("format", "json");
        pom.put("steps", "3");
        assertEquals("json", format());
        assertEquals(3, steps());
        cli.put("brokle.migrate.format", "text");
        cli.put("brokle.migrate.steps", "1");
        assertEquals("text", format());
        assertEquals(1, steps());
    }

    @Test
    void nullPomValuesAndBlankEnvironmentVariablesAreIgnored() throws IOException {
        pom.put("postgres.dir", null);
        pom.put("postgres.url", "jdbc:postgresql://pom-host/db");
        env.put("DATABASE_URL", "  ");
        dotEnv("DATABASE_URL=");
        MigrateConfig config = resolve();
        assertEquals(baseDir.resolve("migrations"), postgres(config).dir());
        assertEquals("jdbc:postgresql://pom-host/db", postgres(config).jdbcUrl());
    }

    @Test
    void environmentVariablesMapToDatasourceParameters() {
        env.put("DATABASE_URL", "postgres://u:" + SECRET + "@pg:5433/app?sslmode=disable");
        env.put("DATABASE_MIGRATIONS_PATH", "db/pg");
        env.put("CLICKHOUSE_URL", "clickhouse://default:" + SECRET + "@ch:9000/analytics");
        env.put("CLICKHOUSE_MIGRATIONS_PATH", "db/ch");
        env.put("PATH", "/usr/bin");
        MigrateConfig config = resolve();
        DatasourceConfig pg = postgres(config);
        assertEquals("jdbc:postgresql://pg:5433/app?sslmode=disable", pg.jdbcUrl());
        assertEquals("u", pg.username());
        assertEquals(SECRET, pg.password());
        assertEquals(baseDir.resolve("db/pg"), pg.dir());
        DatasourceConfig ch = clickhouse(config);
        assertEquals("jdbc:clickhouse:http://ch:8123/analytics", ch.jdbcUrl());
        assertEquals("default", ch.username());
        assertEquals(SECRET, ch.password());
        assertEquals(baseDir.resolve("db/ch"), ch.dir());
        assertTrue(ch.configured());
        assertEquals(1, config.notes().size(), config.notes().toString());
        assertTrue(config.notes().get(0).contains("9000"), config.notes().toString());
        for (String note : config.notes()) {
            assertNoSecret(note);
        }
    }

    @Test
    void onlyKnownVariablesAreTakenFromDotEnv() throws IOException {
        dotEnv("CLICKHOUSE_URL=clickhouse://ch:8123/db", "BROKLE_MIGRATE_DB=postgres", "db=postgres");
        MigrateConfig config = resolve();
        assertEquals("all", config.db());
        assertEquals("jdbc:clickhouse:http://ch:8123/db", clickhouse(config).jdbcUrl());
    }

    @Test
    void badDotEnvLineIsAConfigurationError() throws IOException {
        dotEnv("DATABASE_URL=postgres://h/db", "oops");
        ConfigurationException e = failure();
        assertTrue(e.getMessage().contains(baseDir.resolve(".env") + ":2"), e.getMessage());
    }

    @Test
    void explicitCredentialsBeatTheUrlUserInfo() {
        pom.put("postgres.url", "postgres://url-user:url-pass@h/db");
        pom.put("postgres.username", "pom-user");
        pom.put("postgres.password", SECRET);
        DatasourceConfig pg = postgres(resolve());
        assertEquals("pom-user", pg.username());
        assertEquals(SECRET, pg.password());
        assertEquals("jdbc:postgresql://h:5432/db", pg.jdbcUrl());
    }

    @Test
    void clickhouseHttpPortOverride() {
        cli.put("brokle.migrate.clickhouse.url", "clickhouse://u:p@ch:9000/db?x-multi-statement=true");
        cli.put("brokle.migrate.clickhouse.httpPort", "18123");
        assertEquals("jdbc:clickhouse:http://ch:18123/db", clickhouse(resolve()).jdbcUrl());
    }
    // ------------------------------------------------------------------ paths

    @Test
    void relativePathsAreResolvedAgainstBaseDir() {
        pom.put("postgres.dir", "db/../sql/pg");
        pom.put("clickhouse.dir", "./sql/ch");
        MigrateConfig config = resolve();
        assertEquals(baseDir.resolve("sql/pg"), postgres(config).dir());
        assertEquals(baseDir.resolve("sql/ch"), clickhouse(config).dir());
        assertEquals(baseDir.resolve("target/status.json"), options().path("output", new File("target/status.json")));
        assertEquals(baseDir.resolve("seeds/dev.yaml"), options().path("seedFile", new File("seeds/dev.yaml")));
    }

    @Test
    void absolutePathsAreKept(@TempDir Path elsewhere) {
        env.put("DATABASE_MIGRATIONS_PATH", elsewhere.toString());
        assertEquals(elsewhere, postgres(resolve()).dir());
    }
}
