package ai.brokle.migrate.liquibase;

import java.time.Instant;

/** A row of DATABASECHANGELOG that belongs to this plugin's datasource. */
public record AppliedChangeSet(String id, String checksum, Instant executedAt) {
}
