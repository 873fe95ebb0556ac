package ai.brokle.migrate.maven;

/**
 * The {@code <postgres>} / {@code <clickhouse>} block of the plugin's {@code <configuration>}. Each field can also be
 * given as {@code -Dbrokle.migrate.postgres.url=...} and so on, which wins over the pom.
 */
public class DatasourceParameters {

    /** JDBC URL, or {@code postgres://user:pass@host:5432/db} / {@code clickhouse://user:pass@host:9000/db}. */
    public String url;
    public String username;
    public String password;
    /** A settings.xml server id holding the credentials (then username/password must not be set). */
    public String serverId;
    /** Migration directory, relative to the project directory. */
    public String dir;
    /** golang-migrate compatible version table. */
    public String table;
    /** ClickHouse only: cluster for ON CLUSTER tracking tables. */
    public String cluster;
    /** ClickHouse only: HTTP port used when the URL names the native port 9000. */
    public String httpPort;
    /** PostgreSQL only: lock_timeout for each migration's statements, e.g. {@code 5s}. */
    public String lockTimeout;
    /** PostgreSQL only: statement_timeout for each migration's statements, e.g. {@code 5min}. */
    public String statementTimeout;
    /** ClickHouse only: max_execution_time for each migration's statements, e.g. {@code 300s}. */
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
