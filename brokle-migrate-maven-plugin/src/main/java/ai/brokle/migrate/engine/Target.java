package ai.brokle.migrate.engine;

import ai.brokle.migrate.Failures;
import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.SecretMasker;
import ai.brokle.migrate.dialect.Dialect;
import ai.brokle.migrate.dialect.EmbeddedServer;
import ai.brokle.migrate.liquibase.ChangeLogSession;
import ai.brokle.migrate.liquibase.ChangeSetTranslator;
import ai.brokle.migrate.liquibase.TranslatedMigration;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.sql.StatementSplitter;
import ai.brokle.migrate.state.VersionTable;
import ai.brokle.migrate.liquibase.ChangeLogException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiFunction;

/** One datasource opened for a goal: its migrations, connection, Liquibase session and version table. */
final class Target implements AutoCloseable {

    final DatasourceConfig config;
    final Dialect dialect;
    final List<Migration> migrations;
    private ChangeSetTranslator translator;
    private EmbeddedServer embedded;
    private Connection connection;
    private ChangeLogSession changeLog;
    private Reporter reporter;
    private VersionTable versionTable;
    private String url;
    private Dialect.Session session;
    private Path workDir;

    Target(DatasourceConfig config, Dialect dialect, List<Migration> migrations) {
        this.config = config;
        this.dialect = dialect;
        this.migrations = migrations;
    }

    String name() {
        return config.name();
    }

    /** Starts the embedded server when needed, connects and opens Liquibase's session. */
    Target open(Path workDir, Reporter reporter) {
        connect(workDir, reporter);
        try {
            changeLog();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** As {@link #open}, with Liquibase's session opened only on first use (a seed of a clean database). */
    Target connect(Path workDir, Reporter reporter) {
        this.workDir = workDir;
        String user = config.username();
        url = config.jdbcUrl();
        var server = dialect.startEmbedded(config, workDir);
        if (server.isPresent()) {
            embedded = server.get();
            url = embedded.jdbcUrl();
            user = embedded.username();
            String product = dialect.traits().productName();
            reporter.info("[" + name() + "] No " + product + " URL configured: using the embedded " + product + " at "
                    + url + " (data in " + embedded.dataDir() + ")");
        }
        try {
            connection = dialect.connect(url, user, config.password());
            session = dialect.session(connection);
        } catch (SQLException | RuntimeException e) {
            close();
            throw new ConnectionFailedException("Cannot connect to " + name() + " at " + displayUrl() + ": "
                    + SecretMasker.mask(reason(e), config.password())
                    + ". Check the URL and credentials (brokle.migrate." + name() + ".url / .username / .password"
                    + " or .serverId) and that the server is running.");
        }
        this.reporter = reporter;
        versionTable = dialect.versionTable(connection, config);
        return this;
    }

    /** The plugin's work directory (embedded data, failure notes). */
    Path workDir() {
        return workDir;
    }

    String displayUrl() {
        return url == null || embedded != null ? config.displayUrl() : SecretMasker.maskUrl(url)
                + (config.username() == null ? "" : " (user " + config.username() + ")");
    }

    /**
     * A failure on this target, with the secrets masked in its message and in every cause kept.
     *
     * @param kind the error's constructor (message, cause), e.g. {@code InternalFailure::new}
     */
    <X extends MigrateException> X failure(String what, Exception e, BiFunction<String, Throwable, X> kind) {
        return kind.apply("[" + name() + "] " + what + SecretMasker.maskAll(e.getMessage(), config.secrets()),
                SecretMasker.maskedCopy(e, config.secrets()));
    }

    void execute(String sql) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    Connection connection() {
        return connection;
    }

    /** Liquibase's session (opened on first use after {@link #connect}). */
    ChangeLogSession changeLog() {
        if (changeLog == null) {
            try {
                changeLog = new ChangeLogSession(connection, name(), session.trackingSchema(), session.majorVersion(),
                        dialect.executionTimestampSql(), notice -> reporter.info("[" + name() + "] database notice: "
                        + notice));
            } catch (ChangeLogException e) {
                throw new InternalFailure("Liquibase cannot open " + name() + " at " + displayUrl() + ": "
                        + SecretMasker.mask(e.getMessage(), config.password()),
                        SecretMasker.maskedCopy(e, config.secrets()));
            }
        }
        return changeLog;
    }

    VersionTable versionTable() {
        return versionTable;
    }

    /** The migration as a changeset; Liquibase is started by the first translation (a seed never starts it). */
    TranslatedMigration translate(Migration migration) {
        if (translator == null) {
            translator = new ChangeSetTranslator(config.name(), new StatementSplitter(dialect.facts().syntax()));
        }
        return translator.translate(migration);
    }

    /**
     * The driver's message, plus its root cause when that says more: drivers wrap "unknown host" and "connection
     * refused" in generic messages such as "The connection attempt failed." or "Query request failed (attempt: 4)".
     */
    private static String reason(Throwable e) {
        String message = Failures.firstLine(e.getMessage());
        Throwable root = Failures.rootCause(e);
        if (root != e && root.getMessage() != null && !message.contains(Failures.firstLine(root.getMessage()))) {
            String detail = root instanceof java.net.UnknownHostException ? "unknown host " + root.getMessage()
                    : Failures.firstLine(root.getMessage());
            message = withoutFinalDot(message) + " (" + detail + ")";
        }
        return withoutFinalDot(message);
    }

    private static String withoutFinalDot(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() {
        if (changeLog != null) {
            changeLog.close();
            changeLog = null;
        }
        release(connection, embedded);
        connection = null;
        embedded = null;
    }

    /** Closes a connection, then stops the embedded server it went to (either may be null). */
    static void release(Connection connection, EmbeddedServer embedded) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a broken connection has nothing left to report
            }
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
