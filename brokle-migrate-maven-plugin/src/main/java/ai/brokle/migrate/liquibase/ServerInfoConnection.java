package ai.brokle.migrate.liquibase;

import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

import java.sql.Connection;

/**
 * Liquibase's connection with the server's major version asked of the driver once per session. Liquibase's SQL
 * generator factory asks for it on every statement it generates (it is part of its generator cache key), i.e. several
 * times per migration, and the ClickHouse driver answers each time with a {@code SELECT version()} round trip. The
 * server does not change during a session.
 */
final class ServerInfoConnection extends JdbcConnection {

    private Integer majorVersion;

    ServerInfoConnection(Connection connection) {
        super(connection);
    }

    @Override
    public int getDatabaseMajorVersion() throws DatabaseException {
        if (majorVersion == null) {
            majorVersion = super.getDatabaseMajorVersion();
        }
        return majorVersion;
    }
}
