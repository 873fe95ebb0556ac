package ai.brokle.migrate.engine;

import java.util.List;

/**
 * What {@code status} knows about one datasource.
 *
 * @param currentVersion highest applied version, or null when none
 * @param pending        ids of migrations not yet applied, in order
 * @param drift          applied files changed or missing, or pending migrations older than the latest applied
 * @param problems       what is wrong (unreachable, invalid files, drift, ...), each a full sentence
 * @param locks          current holders of the migration lock
 */
public record DatasourceStatus(String datasource, Health health, String url, String dir, Long currentVersion,
                               boolean dirty, boolean drift, int applied, List<String> pending, List<String> problems,
                               List<String> locks) {
}
