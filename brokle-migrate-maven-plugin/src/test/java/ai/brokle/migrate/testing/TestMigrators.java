package ai.brokle.migrate.testing;

import ai.brokle.migrate.engine.Configurations;
import ai.brokle.migrate.config.ConfigSources;
import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.engine.Confirmer;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.Reporter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds an engine the way the plugin does: from {@code -D}-style properties through the real config resolver. */
public final class TestMigrators {

    private TestMigrators() {
    }

    /**
     * @param properties {@code brokle.migrate.*} properties, as if given with {@code -D}
     * @param log        receives every line the engine reports ({@code WARN } before warnings)
     */
    public static TestMigrator build(Path project, Map<String, String> properties, List<String> log,
                                     Confirmer confirmer) {
        return build(project, project.resolve("target"), properties, log, confirmer);
    }

    /** As {@link #build(Path, Map, List, Confirmer)}, with the plugin's work directory somewhere else. */
    public static TestMigrator build(Path project, Path workDir, Map<String, String> properties, List<String> log,
                                     Confirmer confirmer) {
        MigrateConfig config = Configurations.resolve(new ConfigSources(project, workDir,
                Map.of(), Map.of(), properties, id -> Optional.empty()));
        return new TestMigrator(new Migrator(config, new Reporter() {
            @Override
            public void info(String line) {
                log.add(line);
            }

            @Override
            public void warn(String line) {
                log.add("WARN " + line);
            }
        }, confirmer), new GoalOptions(project, properties));
    }
}
