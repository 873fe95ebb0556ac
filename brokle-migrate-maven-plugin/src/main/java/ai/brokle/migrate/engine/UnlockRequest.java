package ai.brokle.migrate.engine;

/**
 * The options of {@code unlock}.
 *
 * @param holder    the id of the lock holder to remove, as status shows it, or null
 * @param confirmed {@code confirm=yes}: no prompt
 */
public record UnlockRequest(String holder, boolean confirmed) {
}
