package ai.brokle.migrate.liquibase;

import liquibase.Scope;
import liquibase.configuration.ConfigurationValueProvider;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.configuration.core.EnvironmentValueProvider;
import liquibase.configuration.core.SystemPropertyValueProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Liquibase reads its settings from system properties and the environment on every lookup, copying and hashing
 * both each time (several lookups per changeset checksum and per DATABASECHANGELOG row). A goal does not change
 * either while it runs, so each session replaces those two providers with ones frozen when the session opens:
 * same keys, same precedence, the map read once.
 */
final class FrozenSettings {

    private FrozenSettings() {
    }

    /** The system properties and environment the installed providers were frozen from. */
    private static List<Map<?, ?>> installedFrom;

    /**
     * Installs providers frozen now, in place of Liquibase's live (or previously frozen) ones; nothing changes when
     * the installed copies still match (Liquibase's provider set is not thread-safe, and sessions open per datasource).
     */
    static synchronized void freeze() {
        List<Map<?, ?>> current = List.of(new HashMap<>(System.getProperties()), System.getenv());
        if (current.equals(installedFrom)) {
            return;
        }
        LiquibaseConfiguration configuration = Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
        for (ConfigurationValueProvider provider : List.copyOf(configuration.getProviders())) {
            if (provider instanceof SystemPropertyValueProvider || provider instanceof EnvironmentValueProvider) {
                configuration.unregisterProvider(provider);
            }
        }
        configuration.registerProvider(new FrozenSystemProperties());
        configuration.registerProvider(new FrozenEnvironment());
        installedFrom = current;
    }

    private static final class FrozenSystemProperties extends SystemPropertyValueProvider {
        private final Map<?, ?> properties = new HashMap<>(super.getMap());
        private final int hash = properties.hashCode();

        @Override
        protected Map<?, ?> getMap() {
            return properties;
        }

        @Override
        protected int getMapHash() {
            return hash;
        }
    }

    private static final class FrozenEnvironment extends EnvironmentValueProvider {
        private final int hash = super.getMap().hashCode();

        @Override
        protected int getMapHash() {
            return hash;
        }
    }
}
