package ai.brokle.migrate.dialect;

import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.sql.SqlSyntax;
import ai.brokle.migrate.state.VersionTable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Everything that differs between PostgreSQL and ClickHouse. The engine knows nothing else about either. */
public interface Dialect {

    /** {@code postgres} or {@code clickhouse}: the datasource name used in parameters and messages. */
    String name();

    /** Lexical rules for the statement splitter. */
    SqlSyntax syntax();

    /** True when a migration and its bookkeeping can share one transaction. */
    boolean transactional();

    /** Starts a server of the plugin's own when the datasource asks for one (no URL configured). */
    Optional<EmbeddedServer> startEmbedded(DatasourceConfig config, Path workDir);

    /** Opens a connection with the dialect's driver, never through DriverManager. */
    Connection connect(String jdbcUrl, String username, String password) throws SQLException;

    /** The schema (or database) Liquibase should keep its tables in, or null for the connection's default. */
    String trackingSchema(Connection connection) throws SQLException;

    VersionTable versionTable(Connection connection, DatasourceConfig config);

    /** The text of a new migration file. */
    String template(String name, boolean up, Instant created);

    /** Short product and driver description for {@code info}. */
    String describeDriver();
}
