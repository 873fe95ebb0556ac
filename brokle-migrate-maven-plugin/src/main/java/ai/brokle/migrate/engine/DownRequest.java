package ai.brokle.migrate.engine;

/**
 * The options of {@code down}.
 *
 * @param steps           roll back this many (negative counts as positive), or null for 1
 * @param confirmed       {@code confirm=yes}: no prompt
 * @param lockWaitSeconds how long to wait for another run's migration lock
 */
public record DownRequest(Integer steps, boolean dryRun, boolean confirmed, long lockWaitSeconds) {
}
