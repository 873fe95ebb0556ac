package ai.brokle.migrate.maven;

import ai.brokle.migrate.engine.DatasourceStatus;
import ai.brokle.migrate.engine.StatusReport;
import org.apache.maven.plugin.logging.Log;

/** Prints a status report as text, one block per datasource, then the overall word. */
final class StatusRenderer {

    private StatusRenderer() {
    }

    static void render(StatusReport report, Log log) {
        for (DatasourceStatus status : report.datasources()) {
            String version = status.currentVersion() == null ? "none" : String.valueOf(status.currentVersion());
            log.info("[" + status.datasource() + "] " + status.health() + "  version " + version
                    + (status.dirty() ? " (dirty)" : " (clean)") + ", " + status.applied() + " applied, "
                    + status.pending().size() + " pending");
            log.info("[" + status.datasource() + "]   url: " + status.url());
            log.info("[" + status.datasource() + "]   migrations: " + status.dir());
            status.pending().forEach(id -> log.info("[" + status.datasource() + "]   pending: " + id));
            status.locks().forEach(lock -> log.warn("[" + status.datasource() + "]   locked by " + lock));
            status.problems().forEach(problem -> log.error("[" + status.datasource() + "]   " + problem));
        }
        log.info("Overall Status: " + report.overall());
    }
}
