package ai.brokle.migrate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One resolved datasource.
 *
 * @param kind             the kind of datasource (its name in parameters and messages, its product)
 * @param jdbcUrl          JDBC URL without credentials; null when not configured (or embedded)
 * @param embedded         true when no URL is configured anywhere and the kind's embedded server is used
 * @param dir              migration directory
 * @param table            golang-migrate compatible version table
 * @param cluster          ClickHouse cluster for ON CLUSTER tracking tables, or null
 * @param tableEngine      ClickHouse engine of the version table (golang-migrate's x-migrations-table-engine), or
 *                         null for golang-migrate's default
 * @param statementTimeout limit for each statement of a migration, or null for none: PostgreSQL's statement_timeout
 *                         (postgres.statementTimeout or golang-migrate's x-statement-timeout), ClickHouse's
 *                         max_execution_time (clickhouse.maxExecutionTime)
 * @param lockTimeout      PostgreSQL's lock_timeout for each statement of a migration (postgres.lockTimeout), or null
 */
public record DatasourceConfig(DatasourceKind kind, String jdbcUrl, String username, String password,
                               boolean embedded, Path dir, String table, String cluster, String tableEngine,
                               Duration statementTimeout, Duration lockTimeout) {

    public DatasourceConfig(DatasourceKind kind, String jdbcUrl, String username, String password, boolean embedded,
                            Path dir, String table, String cluster) {
        this(kind, jdbcUrl, username, password, embedded, dir, table, cluster, null, null, null);
    }

    /** The datasource's name in parameters and messages, e.g. {@code brokle.migrate.<name>.url}. */
    public String name() {
        return kind.traits().name();
    }

    public boolean configured() {
        return embedded || jdbcUrl != null;
    }

    /** The URL as it may be printed: credentials masked. */
    public String displayUrl() {
        if (embedded) {
            return "embedded " + kind.traits().productName();
        }
        if (jdbcUrl == null) {
            return "(not configured)";
        }
        return SecretMasker.maskUrl(jdbcUrl) + (username == null ? "" : " (user " + username + ")");
    }

    /** What must never be printed: the password, when there is one. */
    public List<String> secrets() {
        return password == null || password.isEmpty() ? List.of() : List.of(password);
    }

    @Override
    public String toString() {
        return "DatasourceConfig[" + name() + " " + displayUrl() + ", dir=" + dir + ", table=" + table + "]";
    }
}
