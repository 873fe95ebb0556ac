package ai.brokle.migrate.liquibase;

import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

import java.sql.Connection;

/**
 * Liquibase's connection, with two differences. The server's major version is asked of the driver at most once per
 * session (not at all when the dialect's first query brought it):
 * Liquibase's SQL generator factory asks for it on every statement it generates (it is part of its generator cache
 * key), i.e. several times per migration, and the ClickHouse driver answers each time with a {@code SELECT version()}
 * round trip; the server does not change during a session. And a migration's SQL reaches the driver as written:
 * Liquibase passes each raw-SQL statement through the driver's {@code nativeSQL}, where pgjdbc reads a {@code ?}
 * (jsonb's {@code ?}, {@code ?|}, {@code ?&} operators) as a parameter placeholder and sends {@code $1}.
 */
final class ServerInfoConnection extends JdbcConnection {

    private Integer majorVersion;

    ServerInfoConnection(Connection connection, Integer majorVersion) {
        super(connection);
        this.majorVersion = majorVersion;
    }

    @Override
    public int getDatabaseMajorVersion() throws DatabaseException {
        if (majorVersion == null) {
            majorVersion = super.getDatabaseMajorVersion();
        }
        return majorVersion;
    }

    @Override
    public String nativeSQL(String sql) {
        return sql;
    }
}
