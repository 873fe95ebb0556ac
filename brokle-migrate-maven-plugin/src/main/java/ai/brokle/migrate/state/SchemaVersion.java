package ai.brokle.migrate.state;

/**
 * The golang-migrate view of a database: the current version and whether a migration failed half-way. A dirty
 * {@link #NIL} version is what golang-migrate records while (or after failing) rolling back the first migration.
 */
public record SchemaVersion(long version, boolean dirty) {

    /** golang-migrate's "no version": nothing applied. */
    public static final long NIL = -1;

    public boolean nil() {
        return version == NIL;
    }
}
