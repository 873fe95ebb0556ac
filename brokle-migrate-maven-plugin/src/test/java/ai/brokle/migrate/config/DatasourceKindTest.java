package ai.brokle.migrate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration knows the datasources only through their kinds: a kind it has never heard of resolves alike. */
class DatasourceKindTest {

    private static final DatasourceKind WAREHOUSE = new DatasourceKind() {
        @Override
        public Traits traits() {
            return new Traits("warehouse", "Warehouse", "WAREHOUSE_URL", "WAREHOUSE_MIGRATIONS_PATH", "sql/warehouse",
                    false, "warehouse://localhost:7000/main", List.of(GoMigrateParameters.TABLE), false,
                    List.of(new DurationSetting("queryLimit", ChronoUnit.SECONDS)));
        }

        @Override
        public DatabaseUrl jdbcUrl(UrlInput url) {
            if (!url.startsWith("warehouse://")) {
                throw url.invalid("warehouse://host:7000/db");
            }
            UrlInput.Parts parts = url.parts(url.text());
            return url.converted("jdbc:warehouse://" + parts.host() + ":" + (parts.port() < 0 ? 7000 : parts.port())
                    + parts.rawPath(), parts.username(), parts.password(), url.text(), parts.rawQuery());
        }
    };

    @TempDir
    Path baseDir;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> cli = new HashMap<>();

    private DatasourceConfig resolve() {
        MigrateConfig config = ConfigResolver.resolve(new ConfigSources(baseDir, baseDir.resolve("target"), Map.of(),
                env, cli, id -> Optional.empty()), List.of(WAREHOUSE));
        return config.datasource("warehouse").orElseThrow();
    }

    @Test
    void theKindGivesTheEnvironmentVariablesDefaultsUrlFormsAndSettings() {
        env.put("WAREHOUSE_URL", "warehouse://ann:secret@dw/main?x-migrations-table=versions&ssl=true");
        cli.put("brokle.migrate.warehouse.queryLimit", "45");
        DatasourceConfig warehouse = resolve();
        assertEquals("jdbc:warehouse://dw:7000/main?ssl=true", warehouse.jdbcUrl());
        assertEquals("ann", warehouse.username());
        assertEquals("versions", warehouse.table());
        assertEquals(baseDir.resolve("sql/warehouse"), warehouse.dir());
        assertEquals(Duration.ofSeconds(45), warehouse.statementTimeout());
        assertFalse(warehouse.embedded());
    }

    @Test
    void parametersAndUrlsOutsideTheKindAreRefused() {
        cli.put("brokle.migrate.warehouse.lockTimeout", "5s");
        assertRefused("brokle.migrate.{warehouse}.{cluster,dir,httpPort,password,queryLimit,serverId,table,url,"
                + "username}");
        cli.clear();
        env.put("WAREHOUSE_URL", "warehouse://dw/main?x-cluster-name=c1");
        assertRefused("x-cluster-name is not a golang-migrate parameter this plugin supports for warehouse "
                + "(supported: x-migrations-table)");
    }

    private void assertRefused(String expected) {
        String message = assertThrows(ConfigurationException.class, this::resolve).getMessage();
        assertTrue(message.contains(expected), message);
    }
}
