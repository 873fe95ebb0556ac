package ai.brokle.migrate.config;

import ai.brokle.migrate.UserError;
import ai.brokle.migrate.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigResolverTest {

    private static final String SECRET = "Pa55-w0rd-XYZ";

    @TempDir
    Path baseDir;

    private final Map<String, String> pom = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> cli = new HashMap<>();
    private final Map<String, Credentials> servers = new HashMap<>();

    private MigrateConfig resolve() {
        Function<String, Optional<Credentials>> lookup = id -> Optional.ofNullable(servers.get(id));
        return ConfigResolver.resolve(new ConfigSources(baseDir, baseDir.resolve("target/brokle-migrate"), pom, env,
                cli, lookup), Dialects.all());
    }

    /** The goals' options, read as the mojos read them: {@code -D} properties over the pom's (typed) values. */
    private GoalOptions options() {
        return new GoalOptions(baseDir, cli);
    }

    private String format() {
        return options().oneOf("format", pom.get("format"), List.of("text", "json"), "text");
    }

    private Integer steps() {
        return options().wholeNumber("steps", pom.containsKey("steps") ? Integer.valueOf(pom.get("steps")) : null);
    }

    /** The configuration, then every option the mojos parse, so a bad value of either fails. */
    private void resolveAll() {
        resolve();
        format();
        steps();
        options().version("version", null);
        options().flag("dryRun", false);
    }

    private ConfigurationException failure() {
        ConfigurationException e = assertThrows(ConfigurationException.class, this::resolveAll);
        assertNoSecret(e.getMessage());
        assertInstanceOf(UserError.class, e);
        return e;
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(SECRET), "password leaked: " + text);
    }

    private void dotEnv(String... lines) throws IOException {
        Files.writeString(baseDir.resolve(".env"), String.join("\n", lines) + "\n");
    }

    private DatasourceConfig postgres(MigrateConfig config) {
        return config.datasource("postgres").orElseThrow();
    }

    private DatasourceConfig clickhouse(MigrateConfig config) {
        return config.datasource("clickhouse").orElseThrow();
    }

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

    // ------------------------------------------------------------------ db selection and values

    @ParameterizedTest
    @CsvSource({"postgres,postgres", "clickhouse,clickhouse", "POSTGRES,postgres", "all,postgres|clickhouse"})
    void dbSelectsDatasources(String db, String expected) {
        cli.put("brokle.migrate.db", db);
        MigrateConfig config = resolve();
        assertEquals(List.of(expected.split("\\|")),
                config.datasources().stream().map(DatasourceConfig::name).toList());
    }

    @Test
    void commonValuesAreParsed() {
        cli.put("brokle.migrate.steps", " 2 ");
        cli.put("brokle.migrate.version", "20240115103000");
        cli.put("brokle.migrate.name", "add_users");
        cli.put("brokle.migrate.dryRun", "TRUE");
        cli.put("brokle.migrate.confirm", " YES ");
        cli.put("brokle.migrate.format", "JSON");
        cli.put("brokle.migrate.seed", "dev");
        resolve();
        assertEquals(2, steps());
        assertEquals(20240115103000L, options().version("version", null));
        assertEquals("add_users", options().text("name", null));
        assertTrue(options().flag("dryRun", false));
        assertTrue(options().yes("confirm", null));
        assertEquals("json", format());
        assertEquals("dev", options().text("seed", null));
    }

    @ParameterizedTest
    @CsvSource({"true", "y", "confirm"})
    void onlyYesConfirms(String value) {
        cli.put("brokle.migrate.confirm", value);
        assertFalse(options().yes("confirm", null));
    }

    @Test
    void versionZeroMeansNoneApplied() {
        cli.put("brokle.migrate.version", "0");
        assertEquals(0L, options().version("version", null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "brokle.migrate.db | mysql | brokle.migrate.db (from -D property)=mysql | postgres, clickhouse or all",
            "brokle.migrate.format | xml | brokle.migrate.format (from -D property)=xml | text or json",
            "brokle.migrate.steps | two | brokle.migrate.steps (from -D property)=two | whole number",
            "brokle.migrate.steps | 1.5 | brokle.migrate.steps (from -D property)=1.5 | whole number",
            "brokle.migrate.version | -1 | brokle.migrate.version (from -D property)=-1 | migration version",
            "brokle.migrate.version | v42 | brokle.migrate.version (from -D property)=v42 | migration version",
            "brokle.migrate.version | 99999999999999999999 | brokle.migrate.version (from -D property)= | migration version",
            "brokle.migrate.dryRun | yes | brokle.migrate.dryRun (from -D property)=yes | true or false",
            "brokle.migrate.clickhouse.httpPort | http | brokle.migrate.clickhouse.httpPort (from -D property)=http | whole number",
            "brokle.migrate.postgres.table | schema_migrations; DROP TABLE x | brokle.migrate.postgres.table | valid table name",
    })
    void badValuesNameTheParameterTheOriginAndTheFix(String property, String value, String named, String problem) {
        cli.put(property, value);
        pom.put("postgres.password", SECRET);
        ConfigurationException e = failure();
        assertTrue(e.getMessage().contains(named.strip()), e.getMessage());
        assertTrue(e.getMessage().contains(problem.strip()), e.getMessage());
    }

    @Test
    void badValueFromThePomNamesThePom() {
        pom.put("format", "yaml");
        ConfigurationException e = failure();
        assertTrue(e.getMessage().startsWith("brokle.migrate.format (from pom <configuration>)=yaml"), e.getMessage());
    }

    @Test
    void qualifiedTableNameIsAccepted() {
        pom.put("postgres.table", "public.schema_migrations");
        assertEquals("public.schema_migrations", postgres(resolve()).table());
    }

    // ------------------------------------------------------------------ unknown properties

    @Test
    void misspelledPropertyIsAnError() {
        cli.put("brokle.migrate.stpes", "1");
        ConfigurationException e = failure();
        assertTrue(e.getMessage().contains("Unknown property brokle.migrate.stpes"), e.getMessage());
        assertTrue(e.getMessage().contains("steps"), "lists the known names: " + e.getMessage());
    }

    @Test
    void misspelledPasswordPropertyDoesNotShowItsValue() {
        cli.put("brokle.migrate.postgres.pasword", SECRET);
        cli.put("brokle.migrate.mysql.url", "jdbc:mysql://h/db");
        ConfigurationException e = failure();
        assertTrue(e.getMessage().contains("brokle.migrate.postgres.pasword"), e.getMessage());
        assertTrue(e.getMessage().contains("brokle.migrate.mysql.url"), "all unknown names reported: " + e.getMessage());
    }

    @Test
    void propertiesOutsideThePrefixAreIgnored() {
        cli.put("brokle.version", "1.2.3");
        cli.put("brokle.migrateX", "1");
        cli.put("maven.repo.local", "/tmp/repo");
        assertEquals("all", resolve().db());
    }

    // ------------------------------------------------------------------ URLs and credentials

    @Test
    void badUrlErrorNamesTheParameterAndItsOriginButNotThePassword() {
        env.put("DATABASE_URL", "mysql://root:" + SECRET + "@h/db");
        ConfigurationException e = failure();
        assertTrue(e.getMessage().startsWith("brokle.migrate.postgres.url (from environment)="), e.getMessage());
    }

    @Test
    void badUrlWithUnencodedCharactersInThePasswordDoesNotLeakIt() {
        cli.put("brokle.migrate.clickhouse.url", "clickhouse://default:" + SECRET + "@" + SECRET + "@ch:9000/db");
        ConfigurationException e = failure();
        assertTrue(e.getMessage().contains("brokle.migrate.clickhouse.url (from -D property)"), e.getMessage());
    }

    @Test
    void serverIdCredentialsAreUsed() {
        pom.put("postgres.url", "jdbc:postgresql://h:5432/db");
        pom.put("postgres.serverId", "prod-db");
        servers.put("prod-db", new Credentials("deployer", SECRET));
        DatasourceConfig pg = postgres(resolve());
        assertEquals("deployer", pg.username());
        assertEquals(SECRET, pg.password());
        assertEquals("jdbc:postgresql://h:5432/db", pg.jdbcUrl());
    }

    @Test
    void unknownServerIdIsAnError() {
        pom.put("clickhouse.url", "jdbc:clickhouse:http://h:8123/db");
        pom.put("clickhouse.serverId", "missing-id");
        servers.put("other", new Credentials("u", SECRET));
        ConfigurationException e = failure();
        assertTrue(e.getMessage().startsWith("brokle.migrate.clickhouse.serverId (from pom <configuration>)=missing-id"),
                e.getMessage());
        assertTrue(e.getMessage().contains("settings.xml"), e.getMessage());
    }

    @Test
    void serverIdWithUsernameIsAnError() {
        pom.put("postgres.url", "jdbc:postgresql://h:5432/db");
        pom.put("postgres.serverId", "prod-db");
        cli.put("brokle.migrate.postgres.username", "someone");
        cli.put("brokle.migrate.postgres.password", SECRET);
        servers.put("prod-db", new Credentials("deployer", SECRET));
        ConfigurationException e = failure();
        assertTrue(e.getMessage().contains("brokle.migrate.postgres.serverId"), e.getMessage());
        assertTrue(e.getMessage().contains("-D property"), "names where the credentials came from: " + e.getMessage());
    }

    @Test
    void serverIdWithPasswordOnlyIsAnErrorNamingWhereThePasswordCameFrom() {
        pom.put("postgres.url", "jdbc:postgresql://h:5432/db");
        pom.put("postgres.serverId", "prod-db");
        pom.put("postgres.password", SECRET);
        servers.put("prod-db", new Credentials("deployer", SECRET));
        ConfigurationException e = failure();
        assertTrue(e.getMessage().contains("brokle.migrate.postgres.serverId"), e.getMessage());
        assertTrue(e.getMessage().contains("pom <configuration>"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void serverIdWithCredentialsInTheUrlIsAnError() {
        env.put("DATABASE_URL", "postgres://u:" + SECRET + "@h/db");
        cli.put("brokle.migrate.postgres.serverId", "prod-db");
        servers.put("prod-db", new Credentials("deployer", "other"));
        ConfigurationException e = failure();
        assertTrue(e.getMessage().contains("brokle.migrate.postgres.serverId (from -D property)=prod-db"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the URL"), e.getMessage());
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

    // ------------------------------------------------------------------ no password in toString

    @Test
    void passwordsNeverAppearInToString() {
        env.put("DATABASE_URL", "postgres://u:" + SECRET + "@pg:5432/app");
        pom.put("clickhouse.url", "jdbc:clickhouse:http://ch:8123/db?password=" + SECRET);
        pom.put("clickhouse.password", SECRET);
        MigrateConfig config = resolve();
        assertEquals(SECRET, postgres(config).password());
        assertEquals(SECRET, clickhouse(config).password());
        assertNoSecret(config.toString());
        assertNoSecret(postgres(config).toString());
        assertNoSecret(postgres(config).displayUrl());
        assertNoSecret(clickhouse(config).toString());
        assertNoSecret(clickhouse(config).displayUrl());
        assertNoSecret(new Credentials("u", SECRET).toString());
        assertTrue(postgres(config).displayUrl().contains("pg:5432"), postgres(config).displayUrl());
    }
}
