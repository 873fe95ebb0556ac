package ai.brokle.migrate.config;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What configuration needs to know about one kind of datasource. Each dialect implements it; configuration never
 * knows the databases by name.
 */
public interface DatasourceKind {

    /** Names, environment variables, defaults and settings of this kind. */
    Traits traits();

    /** The JDBC URL, credentials and golang-migrate parameters of a URL in one of the forms this kind accepts. */
    DatabaseUrl jdbcUrl(UrlInput url);

    /**
     * A URL built from other variables of an environment layer (e.g. Brokle's DB_HOST, DB_NAME, ...), used when the
     * layer does not set {@link Traits#urlVariable()}.
     *
     * @param layer {@code .env} or {@code environment}, for error messages
     */
    default Optional<VariablesUrl> urlFromVariables(Map<String, String> variables, String layer) {
        return Optional.empty();
    }

    /**
     * @param name                     the datasource's name in parameters ({@code brokle.migrate.<name>.url}), in
     *                                 {@code db} and in messages
     * @param productName              the database product, for messages
     * @param urlVariable              the environment variable with the URL
     * @param dirVariable              the environment variable with the migration directory
     * @param defaultDir               the migration directory when none is set
     * @param embeddedWhenUnconfigured true when, with no URL anywhere, the plugin runs a server of its own
     * @param exampleUrl               a URL of the form Brokle uses, for messages that show how to configure it
     * @param goMigrateParameters      the golang-migrate {@code x-*} URL parameters accepted for this kind
     * @param tableMayNameSchema       true when the version table may be given as {@code schema.table}
     * @param durationSettings         the duration parameters only this kind has; the first limits each statement
     */
    record Traits(String name, String productName, String urlVariable, String dirVariable, String defaultDir,
                  boolean embeddedWhenUnconfigured, String exampleUrl, List<String> goMigrateParameters,
                  boolean tableMayNameSchema, List<DurationSetting> durationSettings) {
    }

    /**
     * A duration parameter such as {@code statementTimeout}.
     *
     * @param plainNumberUnit what a number without a unit counts
     */
    record DurationSetting(String key, ChronoUnit plainNumberUnit) {
    }

    /**
     * @param url    the URL built from the variables
     * @param origin where it came from, as error messages name it
     */
    record VariablesUrl(String url, String origin) {
    }
}
