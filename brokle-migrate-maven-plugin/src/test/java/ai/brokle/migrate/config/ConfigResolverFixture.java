package ai.brokle.migrate.config;

import ai.brokle.migrate.UserError;
import ai.brokle.migrate.dialect.Dialects;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The configuration tests' shared set-up: the pom, environment, command-line and settings.xml sources they fill, and
 * the configuration and goal options resolved from them as the mojos resolve them.
 */
abstract class ConfigResolverFixture {

    static final String SECRET = "Pa55-w0rd-XYZ";

    @TempDir
    Path baseDir;

    final Map<String, String> pom = new HashMap<>();
    final Map<String, String> env = new HashMap<>();
    final Map<String, String> cli = new HashMap<>();
    final Map<String, Credentials> servers = new HashMap<>();

    MigrateConfig resolve() {
        Function<String, Optional<Credentials>> lookup = id -> Optional.ofNullable(servers.get(id));
        return ConfigResolver.resolve(new ConfigSources(baseDir, baseDir.resolve("target/brokle-migrate"), pom, env,
                cli, lookup), Dialects.all());
    }

    /** The goals' options, read as the mojos read them: {@code -D} properties over the pom's (typed) values. */
    GoalOptions options() {
        return new GoalOptions(baseDir, cli);
    }

    String format() {
        return options().oneOf("format", pom.get("format"), List.of("text", "json"), "text");
    }

    Integer steps() {
        return options().wholeNumber("steps", pom.containsKey("steps") ? Integer.valueOf(pom.get("steps")) : null);
    }

    /** The configuration, then every option the mojos parse, so a bad value of either fails. */
    void resolveAll() {
        resolve();
        format();
        steps();
        options().version("version", null);
        options().flag("dryRun", false);
    }

    ConfigurationException failure() {
        ConfigurationException e = assertThrows(ConfigurationException.class, this::resolveAll);
        assertNoSecret(e.getMessage());
        assertInstanceOf(UserError.class, e);
        return e;
    }

    static void assertNoSecret(String text) {
        assertFalse(text.contains(SECRET), "password leaked: " + text);
    }

    void dotEnv(String... lines) throws IOException {
        Files.writeString(baseDir.resolve(".env"), String.join("\n", lines) + "\n");
    }

    DatasourceConfig postgres(MigrateConfig config) {
        return config.datasource("postgres").orElseThrow();
    }

    DatasourceConfig clickhouse(MigrateConfig config) {
        return config.datasource("clickhouse").orElseThrow();
    }
}
