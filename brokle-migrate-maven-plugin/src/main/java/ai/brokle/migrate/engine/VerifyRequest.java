package ai.brokle.migrate.engine;

import ai.brokle.migrate.schema.Severity;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options of {@code verify}.
 *
 * @param failOn the severities of findings that fail the build (empty: report only)
 */
public record VerifyRequest(Set<Severity> failOn) {

    /** The severity names {@code verifyFailOn} takes. */
    public static final List<String> SEVERITIES = Arrays.stream(Severity.values()).map(Severity::label).toList();
    /** What fails the build when {@code verifyFailOn} is not set. */
    public static final List<String> FAILING_BY_DEFAULT = List.of(Severity.ERROR.label(), Severity.CHANGED.label());

    /** @param names severity names, e.g. {@code error}, {@code changed} */
    public static VerifyRequest of(Set<String> names) {
        return new VerifyRequest(names.stream().map(Severity::parse).collect(Collectors.toSet()));
    }
}
