package ai.brokle.migrate.config;

import ai.brokle.migrate.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard and validate parameters: durations, which datasource owns which, x-statement-timeout agreement. */
class ConfigResolverGuardTest {

    @TempDir
    Path baseDir;
    private final Map<String, String> pom = new HashMap<>();
    private final Map<String, String> cli = new HashMap<>();

    private MigrateConfig resolve() {
        return ConfigResolver.resolve(new ConfigSources(baseDir, baseDir.resolve("target"), pom, Map.of(), cli,
                id -> Optional.empty()), Dialects.all());
    }

    private DatasourceConfig datasource(String name) {
        return resolve().datasource(name).orElseThrow();
    }

    @Test
    void durationsTakeUnitsAndPlainNumbersAreMillisecondsOrClickHouseSeconds() {
        cli.put("brokle.migrate.postgres.lockTimeout", "5s");
        cli.put("brokle.migrate.postgres.statementTimeout", "250");
        cli.put("brokle.migrate.clickhouse.url", "clickhouse://u@h:8123/db");
        cli.put("brokle.migrate.clickhouse.maxExecutionTime", "30");
        assertEquals(Duration.ofSeconds(5), datasource("postgres").lockTimeout());
        assertEquals(Duration.ofMillis(250), datasource("postgres").statementTimeout());
        assertEquals(Duration.ofSeconds(30), datasource("clickhouse").statementTimeout());
        assertNull(datasource("clickhouse").lockTimeout());
        cli.put("brokle.migrate.postgres.lockTimeout", "0");
        assertNull(datasource("postgres").lockTimeout(), "0 means none");
        pom.put("postgres.statementTimeout", "2min");
        cli.remove("brokle.migrate.postgres.statementTimeout");
        assertEquals(Duration.ofMinutes(2), datasource("postgres").statementTimeout(), "from the pom block");
    }

    @Test
    void badValuesAndSettingsOfTheOtherDatabaseAreRefusedWithTheFix() {
        cli.put("brokle.migrate.postgres.lockTimeout", "five seconds");
        ConfigurationException e = assertThrows(ConfigurationException.class, this::resolve);
        assertTrue(e.getMessage().contains("brokle.migrate.postgres.lockTimeout (from -D property)=five seconds must be "
                + "a duration such as 500ms"), e.getMessage());
        cli.clear();
        cli.put("brokle.migrate.clickhouse.lockTimeout", "5s");
        e = assertThrows(ConfigurationException.class, this::resolve);
        assertTrue(e.getMessage().contains("is a postgres setting"), e.getMessage());
        cli.clear();
        cli.put("brokle.migrate.postgres.maxExecutionTime", "5s");
        e = assertThrows(ConfigurationException.class, this::resolve);
        assertTrue(e.getMessage().contains("brokle.migrate.postgres.statementTimeout=30s"), e.getMessage());
    }

    @Test
    void theParameterAndXStatementTimeoutAreOneSettingAndMustAgree() {
        cli.put("brokle.migrate.postgres.url", "postgres://u@h:5432/db?x-statement-timeout=60000");
        assertEquals(Duration.ofMinutes(1), datasource("postgres").statementTimeout());
        cli.put("brokle.migrate.postgres.statementTimeout", "60s");
        assertEquals(Duration.ofMinutes(1), datasource("postgres").statementTimeout());
        cli.put("brokle.migrate.postgres.statementTimeout", "5s");
        ConfigurationException e = assertThrows(ConfigurationException.class, this::resolve);
        assertTrue(e.getMessage().contains("conflicts with x-statement-timeout=60000"), e.getMessage());
    }

    @Test
    void validateOptions() {
        GoalOptions options = new GoalOptions(baseDir, cli);
        assertFalse(options.flag("explain", false));
        cli.put("brokle.migrate.explain", "true");
        cli.put("brokle.migrate.since", " origin/main ");
        cli.put("brokle.migrate.ignore", "pg003, CH005");
        resolve();
        assertTrue(options.flag("explain", false));
        assertEquals("origin/main", options.text("since", null));
        assertEquals(Set.of("PG003", "CH005"), options.ruleIds("ignore", null));
        cli.put("brokle.migrate.ignore", "PG003;rm -rf");
        assertThrows(ConfigurationException.class, () -> options.ruleIds("ignore", null));
    }
}
