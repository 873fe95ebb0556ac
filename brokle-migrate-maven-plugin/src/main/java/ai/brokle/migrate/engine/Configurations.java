package ai.brokle.migrate.engine;

import ai.brokle.migrate.config.ConfigResolver;
import ai.brokle.migrate.config.ConfigSources;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.dialect.Dialects;

/** Resolves a goal's configuration for the datasources the dialects define, listed in "up" order. */
public final class Configurations {

    private Configurations() {
    }

    public static MigrateConfig resolve(ConfigSources sources) {
        return ConfigResolver.resolve(sources, Dialects.all());
    }
}
