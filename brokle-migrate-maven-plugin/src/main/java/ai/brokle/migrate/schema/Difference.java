package ai.brokle.migrate.schema;

/**
 * One difference between two snapshots, readable on its own, e.g.
 * {@code users.is_saved: default false before, true after down}.
 */
public record Difference(Severity severity, String subject, String message) {

    @Override
    public String toString() {
        return severity.label() + ": " + message;
    }
}
