package ai.brokle.migrate.liquibase;

import java.time.Instant;

/**
 * A row of DATABASECHANGELOG that belongs to this plugin's datasource.
 *
 * @param ranHere true when its SQL ran here (EXECTYPE EXECUTED), false when it was only recorded (MARK_RAN)
 */
public record AppliedChangeSet(String id, String checksum, Instant executedAt, boolean ranHere) {
}
