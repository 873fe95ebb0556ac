package ai.brokle.migrate.dialect;

import java.sql.SQLException;

/** A held cross-process migration lock; closing releases it. */
public interface MigrationLock extends AutoCloseable {

    @Override
    void close() throws SQLException;

    /** Waits before the next try to take a lock someone else holds. */
    static void pauseBeforeRetry(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the migration lock", e);
        }
    }
}
