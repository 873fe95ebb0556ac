package ai.brokle.migrate.engine;

/**
 * The options of {@code create}.
 *
 * @param name the new migration's name, snake_case, or null when not given
 */
public record CreateRequest(String name) {
}
