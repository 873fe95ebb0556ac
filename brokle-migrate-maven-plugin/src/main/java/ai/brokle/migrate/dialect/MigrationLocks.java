package ai.brokle.migrate.dialect;

import ai.brokle.migrate.config.DatasourceConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** The cross-process migration lock of one kind of database, as {@link Dialect} offers it (see there). */
public interface MigrationLocks {

    MigrationLock acquire(Connection connection, DatasourceConfig config, Duration wait) throws SQLException;

    List<LockHolder> holders(Connection connection, DatasourceConfig config) throws SQLException;

    boolean release(Connection connection, DatasourceConfig config, String holderId) throws SQLException;
}
