package ai.brokle.migrate.engine;

/**
 * The options of {@code up}.
 *
 * @param steps           apply at most this many, or null for all pending
 * @param dryRun          print the SQL that would run and change nothing
 * @param outOfOrder      also apply pending migrations older than the newest applied one
 * @param ignoreDrift     apply despite edited or missing applied files
 * @param lockWaitSeconds how long to wait for another run's migration lock
 */
public record UpRequest(Integer steps, boolean dryRun, boolean outOfOrder, boolean ignoreDrift,
                        long lockWaitSeconds) {
}
