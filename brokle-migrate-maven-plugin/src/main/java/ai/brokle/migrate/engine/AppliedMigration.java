package ai.brokle.migrate.engine;

/** One migration applied or rolled back by a run (or that would be, in a dry run). */
public record AppliedMigration(String datasource, String id, long version, long millis) {
}
