package ai.brokle.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The production guards of one datasource (lock and statement timeouts), applied around the statements of each
 * migration: inside a migration's transaction they last until its commit or rollback; outside one they are set for
 * the session and reset once the migration's statements ran.
 */
public interface MigrationGuard {

    /**
     * One entry per guard for {@code info}, e.g. {@code lock_timeout 5s (brokle.migrate.postgres.lockTimeout)}; when
     * none is set, one entry saying so and which parameters set them.
     */
    List<String> describe();

    /** The SQL {@link #apply} runs, for dry runs. */
    List<String> applySql(boolean inTransaction);

    /** Sets the guards before a migration's first statement. */
    void apply(Connection connection, boolean inTransaction) throws SQLException;

    /** Undoes {@link #apply} after the migration's statements (nothing to do inside a transaction). */
    void release(Connection connection, boolean inTransaction) throws SQLException;

    /**
     * When a statement failed because a guard stopped it: which setting, and what to do. Empty for other failures.
     */
    Optional<String> explain(Throwable failure);
}
