package ai.brokle.migrate.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What every goal shares: where the project and the plugin's files are, and the resolved datasources. A goal's own
 * options travel in its request.
 *
 * @param db          {@code all} or the name of one datasource kind
 * @param datasources the selected datasources, in the order of the kinds given to the resolver
 * @param notes       one-line remarks worth logging (port mappings, where a value came from)
 */
public record MigrateConfig(Path baseDir, Path workDir, String db, List<DatasourceConfig> datasources,
                            List<String> notes) {

    public Optional<DatasourceConfig> datasource(String name) {
        return datasources.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
