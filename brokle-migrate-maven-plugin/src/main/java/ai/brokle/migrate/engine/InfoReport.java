package ai.brokle.migrate.engine;

import java.util.List;

/** Resolved configuration (credentials masked), versions, and the status of every selected datasource. */
public record InfoReport(List<String> lines, StatusReport status) {
}
