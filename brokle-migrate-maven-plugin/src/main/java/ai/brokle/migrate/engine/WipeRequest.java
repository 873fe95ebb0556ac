package ai.brokle.migrate.engine;

/**
 * The options of {@code drop} and {@code reset}.
 *
 * @param confirmed {@code confirm=yes}: no prompt
 */
public record WipeRequest(boolean confirmed, long lockWaitSeconds) {
}
