package ai.brokle.migrate.maven;

/**
 * The {@code <postgres>} / {@code <clickhouse>} block of the plugin's {@code <configuration>}. Each field can also be
 * given as the property named on it, e.g. {@code -Dbrokle.migrate.postgres.url=...}, which wins over the pom.
 */
public class DatasourceParameters {

    /**
     * {@code brokle.migrate.(postgres|clickhouse).url}: JDBC URL, or {@code postgres://user:pass@host:5432/db} /
     * {@code clickhouse://user:pass@host:9000/db}.
     */
    public String url;
    /** {@code brokle.migrate.(postgres|clickhouse).username}: user name, if not in the URL. */
    public String username;
    /** {@code brokle.migrate.(postgres|clickhouse).password}: password, if not in the URL. */
    public String password;
    /**
     * {@code brokle.migrate.(postgres|clickhouse).serverId}: a settings.xml server id holding the credentials (then
     * username/password must not be set).
     */
    public String serverId;
    /** {@code brokle.migrate.(postgres|clickhouse).dir}: migration directory, relative to the project directory. */
    public String dir;
    /** {@code brokle.migrate.(postgres|clickhouse).table}: golang-migrate compatible version table. */
    public String table;
    /** {@code brokle.migrate.clickhouse.cluster}, ClickHouse only: cluster for ON CLUSTER tracking tables. */
    public String cluster;
    /**
     * {@code brokle.migrate.clickhouse.httpPort}, ClickHouse only: HTTP port used when the URL names the native
     * port 9000.
     */
    public String httpPort;
    /**
     * {@code brokle.migrate.postgres.lockTimeout}, PostgreSQL only: lock_timeout for each migration's statements,
     * e.g. {@code 5s}.
     */
    public String lockTimeout;
    /**
     * {@code brokle.migrate.postgres.statementTimeout}, PostgreSQL only: statement_timeout for each migration's
     * statements, e.g. {@code 5min}.
     */
    public String statementTimeout;
    /**
     * {@code brokle.migrate.clickhouse.maxExecutionTime}, ClickHouse only: max_execution_time for each migration's
     * statements, e.g. {@code 300s}.
     */
    public String maxExecutionTime;

    void putInto(String prefix, java.util.Map<String, String> values) {
        values.put(prefix + ".url", url);
        values.put(prefix + ".username", username);
        values.put(prefix + ".password", password);
        values.put(prefix + ".serverId", serverId);
        values.put(prefix + ".dir", dir);
        values.put(prefix + ".table", table);
        values.put(prefix + ".cluster", cluster);
        values.put(prefix + ".httpPort", httpPort);
        values.put(prefix + ".lockTimeout", lockTimeout);
        values.put(prefix + ".statementTimeout", statementTimeout);
        values.put(prefix + ".maxExecutionTime", maxExecutionTime);
    }
}
