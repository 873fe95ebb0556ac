package ai.brokle.migrate.liquibase;

import liquibase.Scope;
import liquibase.configuration.ConfigurationValueConverter;
import liquibase.configuration.LiquibaseConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrozenSettingsTest {

    private static final String KEY = "liquibase.brokleFrozenSettingsProbe";

    private static Object current() {
        return Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class)
                .getCurrentConfiguredValue(ConfigurationValueConverter.STRING, null, KEY).getValue();
    }

    @Test
    void aSystemPropertySetBeforeTheSessionIsSeenAndEachFreezeReadsTheCurrentValue() {
        try {
            System.setProperty(KEY, "first");
            FrozenSettings.freeze();
            assertEquals("first", current());

            System.setProperty(KEY, "second");
            FrozenSettings.freeze();
            assertEquals("second", current());
            assertEquals(1, Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class).getProviders().stream()
                    .filter(p -> p instanceof liquibase.configuration.core.SystemPropertyValueProvider).count());
        } finally {
            System.clearProperty(KEY);
            FrozenSettings.freeze();
        }
    }
}
