package ai.brokle.migrate.engine;

/**
 * The options of {@code force}.
 *
 * @param version   the version to record (0 = nothing applied), or null when not given
 * @param confirmed {@code confirm=yes}: no prompt
 */
public record ForceRequest(Long version, boolean dryRun, boolean confirmed, long lockWaitSeconds) {
}
