package ai.brokle.migrate.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resolved configuration of one goal execution.
 *
 * @param datasources the selected datasources, in the order of the kinds given to the resolver
 * @param failOn      status conditions that fail the build: {@code pending}, {@code dirty}, {@code drift}
 * @param holder      for {@code unlock}: the id of the lock holder to remove, as status shows it, or null
 * @param explain     for {@code validate}: print every statement of every file with its line
 * @param since       for {@code validate}: a git ref; files added or changed since it are checked, or null
 * @param ignore      for {@code validate}: warning rule ids suppressed everywhere
 * @param notes       one-line remarks worth logging (port mappings, where a value came from)
 * @param verifyFailOn what fails {@code verify}: {@code error}, {@code changed}, {@code cosmetic} (default error,changed)
 */
public record MigrateConfig(Path baseDir, Path workDir, String db, List<DatasourceConfig> datasources,
                            Integer steps, Long version, String name, boolean dryRun, boolean confirmed,
                            String format, Path output, String seed, Path seedFile, boolean reset,
                            boolean outOfOrder, boolean ignoreDrift, long lockWaitSeconds, Set<String> failOn,
                            String holder, boolean explain, String since, Set<String> ignore, List<String> notes,
                            Set<String> verifyFailOn) {

    public Optional<DatasourceConfig> datasource(String name) {
        return datasources.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
