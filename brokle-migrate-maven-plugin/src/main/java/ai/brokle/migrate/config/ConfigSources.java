package ai.brokle.migrate.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything configuration is resolved from, lowest precedence first: the pom's {@code <configuration>}, the
 * {@code .env} file in {@code baseDir}, the environment, and {@code -D} properties.
 *
 * @param baseDir     the project directory: relative paths and {@code .env} are resolved against it
 * @param workDir     where the plugin keeps its own files ({@code target/brokle-migrate})
 * @param pom         parameter name (e.g. {@code postgres.url}) → value, from the pom; nulls are ignored
 * @param environment the process environment
 * @param commandLine {@code brokle.migrate.*} user and system properties, keys with the prefix
 * @param servers     settings.xml server id → decrypted credentials
 */
public record ConfigSources(Path baseDir, Path workDir, Map<String, String> pom, Map<String, String> environment,
                            Map<String, String> commandLine, Function<String, Optional<Credentials>> servers) {
}
