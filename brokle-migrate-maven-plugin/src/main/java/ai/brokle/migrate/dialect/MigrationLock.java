package ai.brokle.migrate.dialect;

import java.sql.SQLException;

/** A held cross-process migration lock; closing releases it. */
public interface MigrationLock extends AutoCloseable {

    @Override
    void close() throws SQLException;
}
