package ai.brokle.migrate.liquibase;

import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

import java.sql.Connection;

/**
 * Liquibase's connection with the server's product name and version asked of the driver at most once per session.
 * Liquibase's SQL generator factory asks for the major version on every statement it generates (as part of its cache
 * key), i.e. several times per migration, and the ClickHouse driver answers each question with a
 * {@code SELECT version()} round trip. The server does not change during a session.
 */
final class ServerInfoConnection extends JdbcConnection {

    private String productName;
    private String productVersion;
    private Integer majorVersion;
    private Integer minorVersion;

    ServerInfoConnection(Connection connection) {
        super(connection);
    }

    @Override
    public String getDatabaseProductName() throws DatabaseException {
        if (productName == null) {
            productName = super.getDatabaseProductName();
        }
        return productName;
    }

    @Override
    public String getDatabaseProductVersion() throws DatabaseException {
        if (productVersion == null) {
            productVersion = super.getDatabaseProductVersion();
        }
        return productVersion;
    }

    @Override
    public int getDatabaseMajorVersion() throws DatabaseException {
        if (majorVersion == null) {
            majorVersion = super.getDatabaseMajorVersion();
        }
        return majorVersion;
    }

    @Override
    public int getDatabaseMinorVersion() throws DatabaseException {
        if (minorVersion == null) {
            minorVersion = super.getDatabaseMinorVersion();
        }
        return minorVersion;
    }
}
