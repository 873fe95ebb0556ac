package ai.brokle.migrate.state;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The golang-migrate compatible {@code schema_migrations} table, so the Go CLI and the Brokle server keep reading the
 * right version. Writes happen on the caller's connection and transaction.
 */
public interface VersionTable {

    /** True when the table exists (an empty table means "nothing applied"). */
    boolean exists() throws SQLException;

    /** Creates the table when missing. */
    void ensureExists() throws SQLException;

    /** @return the current state, or empty when nothing is applied (or the table does not exist) */
    Optional<SchemaVersion> read() throws SQLException;

    /** Records {@code state} as the current state; empty clears it (nothing applied). */
    void write(Optional<SchemaVersion> state) throws SQLException;

    /** The SQL {@link #write} would run, for dry runs. */
    List<String> writeSql(Optional<SchemaVersion> state);
}
