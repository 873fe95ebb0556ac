package ai.brokle.migrate.engine;

/**
 * The options of {@code repair}.
 *
 * @param dryRun    print what would be recorded and change nothing
 * @param confirmed {@code confirm=yes}: no prompt
 */
public record RepairRequest(boolean dryRun, boolean confirmed, long lockWaitSeconds) {
}
