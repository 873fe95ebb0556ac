package ai.brokle.migrate.engine;

/**
 * The options of {@code goto}.
 *
 * @param version     the target version (0 = nothing applied), or null when not given
 * @param outOfOrder  moving up, also apply pending migrations older than the newest applied one
 * @param ignoreDrift moving up, go on despite edited or missing applied files
 * @param confirmed   {@code confirm=yes}: no prompt when moving down
 */
public record GotoRequest(Long version, boolean dryRun, boolean outOfOrder, boolean ignoreDrift, boolean confirmed,
                          long lockWaitSeconds) {
}
