package ai.brokle.migrate.engine;

import ai.brokle.migrate.schema.Severity;

import java.util.Set;

/**
 * The options of {@code verify}.
 *
 * @param failOn the severities of findings that fail the build (empty: report only)
 */
public record VerifyRequest(Set<Severity> failOn) {
}
