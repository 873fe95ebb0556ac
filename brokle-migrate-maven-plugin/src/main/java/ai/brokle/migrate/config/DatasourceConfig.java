package ai.brokle.migrate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One resolved datasource.
 *
 * @param name             {@code postgres} or {@code clickhouse}
 * @param jdbcUrl          JDBC URL without credentials; null when not configured (or embedded)
 * @param embedded         true when no PostgreSQL URL is configured anywhere and the embedded server is used
 * @param dir              migration directory
 * @param table            golang-migrate compatible version table
 * @param cluster          ClickHouse cluster for ON CLUSTER tracking tables, or null
 * @param properties       extra driver settings (never credentials)
 * @param tableEngine      ClickHouse engine of the version table (golang-migrate's x-migrations-table-engine), or
 *                         null for golang-migrate's default
 * @param statementTimeout limit for each statement of a migration, or null for none: PostgreSQL's statement_timeout
 *                         (postgres.statementTimeout or golang-migrate's x-statement-timeout), ClickHouse's
 *                         max_execution_time (clickhouse.maxExecutionTime)
 * @param lockTimeout      PostgreSQL's lock_timeout for each statement of a migration (postgres.lockTimeout), or null
 */
public record DatasourceConfig(String name, String jdbcUrl, String username, String password, boolean embedded,
                               Path dir, String table, String cluster, Map<String, String> properties,
                               String tableEngine, Duration statementTimeout, Duration lockTimeout) {

    public DatasourceConfig(String name, String jdbcUrl, String username, String password, boolean embedded,
                            Path dir, String table, String cluster, Map<String, String> properties) {
        this(name, jdbcUrl, username, password, embedded, dir, table, cluster, properties, null, null, null);
    }

    public boolean configured() {
        return embedded || jdbcUrl != null;
    }

    /** The URL as it may be printed: credentials masked. */
    public String displayUrl() {
        if (embedded) {
            return "embedded PostgreSQL";
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
        return "DatasourceConfig[" + name + " " + displayUrl() + ", dir=" + dir + ", table=" + table + "]";
    }
}
