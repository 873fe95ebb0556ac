package ai.brokle.migrate.dialect;

import ai.brokle.migrate.config.DatabaseUrl;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.UrlInput;
import ai.brokle.migrate.lint.Rule;
import ai.brokle.migrate.seed.SeedStore;
import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.state.VersionTable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A dialect declared from its facts and parts: each database's class passes the objects it hands out, and writes
 * only the code that is its own (connecting, dropping, templates, snapshots).
 */
public abstract class DeclaredDialect implements Dialect {

    /**
     * @param urls             the JDBC URL of each accepted URL form
     * @param guard            the production guards of a datasource
     * @param lintRules        the database-specific rules of {@code validate} (loaded only by the goals that lint)
     * @param sessionSql       the one-row query of {@link Dialect#session}: the schema (or database) the tracking
     *                         tables live in and, as a second column where wanted, the server's version
     * @param databaseNameSql  the one-value query for the database's name in confirmation prompts
     * @param versionTable     golang-migrate's table of a datasource on a connection
     * @param locks            the cross-process migration lock
     * @param seedStore        how seed rows are read and written on a connection
     * @param scratch          throwaway databases for {@code verify}
     * @param isolation        the statements {@code verify} cannot run on a scratch database alone
     */
    public record Parts(Function<UrlInput, DatabaseUrl> urls, Function<DatasourceConfig, MigrationGuard> guard,
                        Supplier<List<Rule>> lintRules, String sessionSql, String databaseNameSql,
                        BiFunction<Connection, DatasourceConfig, VersionTable> versionTable, MigrationLocks locks,
                        Function<Connection, SeedStore> seedStore, ScratchDatabases scratch, Isolation isolation) {
    }

    private final Facts facts;
    private final Parts parts;

    protected DeclaredDialect(Facts facts, Parts parts) {
        this.facts = facts;
        this.parts = parts;
    }

    @Override
    public final Facts facts() {
        return facts;
    }

    @Override
    public final DatabaseUrl jdbcUrl(UrlInput url) {
        return parts.urls().apply(url);
    }

    @Override
    public final MigrationGuard guard(DatasourceConfig config) {
        return parts.guard().apply(config);
    }

    @Override
    public final List<Rule> lintRules() {
        return parts.lintRules().get();
    }

    @Override
    public final Session session(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(parts.sessionSql())) {
            if (!rs.next()) {
                return new Session(null, null);
            }
            String version = rs.getMetaData().getColumnCount() > 1 ? rs.getString(2) : null;
            return new Session(rs.getString(1), version == null ? null : major(version));
        }
    }

    /** {@code 26} of {@code 26.1.2.3}; null when the version does not start with a number. */
    private static Integer major(String version) {
        int end = 0;
        while (end < version.length() && end < 9 && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? null : Integer.valueOf(version.substring(0, end));
    }

    /** The schema (or database) the tracking tables live in. */
    protected final String trackingSchema(Connection connection) throws SQLException {
        return session(connection).trackingSchema();
    }

    @Override
    public final String databaseName(Connection connection) throws SQLException {
        return oneValue(connection, parts.databaseNameSql());
    }

    private static String oneValue(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public final VersionTable versionTable(Connection connection, DatasourceConfig config) {
        return parts.versionTable().apply(connection, config);
    }

    @Override
    public final MigrationLock lock(Connection connection, DatasourceConfig config, Duration wait) throws SQLException {
        return parts.locks().acquire(connection, config, wait);
    }

    @Override
    public final List<LockHolder> lockHolders(Connection connection, DatasourceConfig config) throws SQLException {
        return parts.locks().holders(connection, config);
    }

    @Override
    public final boolean releaseLock(Connection connection, DatasourceConfig config, String holderId)
            throws SQLException {
        return parts.locks().release(connection, config, holderId);
    }

    @Override
    public final SeedStore seedStore(Connection connection) {
        return parts.seedStore().apply(connection);
    }

    @Override
    public final ScratchDatabases scratchDatabases() {
        return parts.scratch();
    }

    @Override
    public final Optional<String> notVerifiableAlone(List<SqlStatement> statements) {
        return parts.isolation().problem(statements);
    }
}
