package ai.brokle.migrate.state;

/** The golang-migrate view of a database: the current version and whether a migration failed half-way. */
public record SchemaVersion(long version, boolean dirty) {
}
