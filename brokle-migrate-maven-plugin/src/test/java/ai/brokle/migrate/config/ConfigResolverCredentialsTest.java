package ai.brokle.migrate.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** URLs, credentials and settings.xml servers, and passwords kept out of every message and toString. */
class ConfigResolverCredentialsTest extends ConfigResolverFixture {

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
