package ai.brokle.migrate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The db selection, the parsing of every common value, and unknown properties. */
class ConfigResolverValuesTest extends ConfigResolverFixture {

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
}
