package ai.brokle.migrate.engine;

import java.util.List;

/** Status of every selected datasource and the overall health. */
public record StatusReport(Health overall, List<DatasourceStatus> datasources) {

    static StatusReport of(List<DatasourceStatus> datasources) {
        Health overall = Health.HEALTHY;
        boolean anyConfigured = false;
        for (DatasourceStatus status : datasources) {
            if (status.health() != Health.NOT_CONFIGURED) {
                anyConfigured = true;
                overall = overall.worse(status.health());
            }
        }
        return new StatusReport(anyConfigured ? overall : Health.NOT_CONFIGURED, datasources);
    }
}
