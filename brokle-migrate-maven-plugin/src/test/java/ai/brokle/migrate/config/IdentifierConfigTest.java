package ai.brokle.migrate.config;

import ai.brokle.migrate.dialect.Dialects;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names that reach SQL from configuration: validated with the allowed form in the message. */
class IdentifierConfigTest {

    private static MigrateConfig resolve(Map<String, String> properties) {
        return ConfigResolver.resolve(new ConfigSources(Path.of("."), Path.of("target"), Map.of(), Map.of(),
                properties, id -> Optional.empty()), Dialects.all());
    }

    @Test
    void clusterNameCarryingSqlIsRejected() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolve(Map.of(
                "brokle.migrate.clickhouse.url", "jdbc:clickhouse:http://localhost:8123/default",
                "brokle.migrate.clickhouse.cluster", "x (a Int8) ENGINE=Memory --")));
        assertTrue(e.getMessage().contains("brokle.migrate.clickhouse.cluster"), e.getMessage());
        assertTrue(e.getMessage().contains("letters, digits"), e.getMessage());
    }

    @Test
    void ordinaryAndMacroClusterNamesAreAccepted() {
        for (String cluster : new String[]{"brokle_cluster", "prod-eu-1", "{cluster}"}) {
            MigrateConfig config = resolve(Map.of("brokle.migrate.db", "clickhouse",
                    "brokle.migrate.clickhouse.url", "jdbc:clickhouse:http://localhost:8123/default",
                    "brokle.migrate.clickhouse.cluster", cluster));
            assertEquals(cluster, config.datasources().get(0).cluster());
        }
    }

    @Test
    void clickHouseVersionTableTakesNoDatabasePrefix() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolve(Map.of(
                "brokle.migrate.clickhouse.table", "other.schema_migrations")));
        assertTrue(e.getMessage().contains("brokle.migrate.clickhouse.table"), e.getMessage());
    }

    @Test
    void holderIsAParameter() {
        Map<String, String> properties = Map.of("brokle.migrate.holder", "3f2a");
        resolve(properties);
        assertEquals("3f2a", new GoalOptions(Path.of("."), properties).text("holder", null));
    }
}
