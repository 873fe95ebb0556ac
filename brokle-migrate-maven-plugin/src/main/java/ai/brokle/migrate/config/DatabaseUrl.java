package ai.brokle.migrate.config;

import java.util.function.Consumer;

/**
 * A datasource URL turned into a JDBC URL plus credentials; each {@link DatasourceKind} knows its URL forms.
 * golang-migrate's {@code x-*} parameters never reach the driver: they are read into {@link #goMigrate()}.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password, GoMigrateParameters goMigrate) {

    public DatabaseUrl(String jdbcUrl, String username, String password) {
        this(jdbcUrl, username, password, GoMigrateParameters.NONE);
    }

    /**
     * @param parameter the parameter the URL came from, for error messages
     * @param httpPort  the datasource's {@code httpPort} parameter, or null
     * @param notes     receives one-line notes worth logging (e.g. a port mapping)
     */
    public static DatabaseUrl parse(DatasourceKind kind, String parameter, String raw, Integer httpPort,
                                    Consumer<String> notes) {
        return kind.jdbcUrl(new UrlInput(kind, parameter, raw.strip(), httpPort, notes));
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + SecretMasker.maskUrl(jdbcUrl) + ", user=" + username + "]";
    }
}
