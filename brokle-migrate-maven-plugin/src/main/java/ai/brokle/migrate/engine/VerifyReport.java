package ai.brokle.migrate.engine;

import ai.brokle.migrate.schema.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The outcome of {@code verify}: one case per migration and datasource, plus the final undo of all of them.
 *
 * @param failOn what fails the build ({@code brokle.migrate.verifyFailOn})
 * @param files  the JUnit XML and JSON reports written
 */
public record VerifyReport(List<VerifyCase> cases, Set<Severity> failOn, List<Path> files) {

    public VerifyReport {
        cases = List.copyOf(cases);
        failOn = Set.copyOf(failOn);
        files = List.copyOf(files);
    }

    public boolean failed() {
        return cases.stream().anyMatch(this::fails);
    }

    public boolean fails(VerifyCase c) {
        return c.severity().map(failOn::contains).orElse(false);
    }

    /** e.g. {@code verified 81 migrations: 2 errors, 14 changed, 8 cosmetic}, and how many were not verified. */
    public String summary() {
        long verified = cases.stream().filter(c -> c.verified() && !c.migration().equals(VerifyCase.UNDO_ALL)).count();
        long notVerified = cases.stream().filter(c -> !c.verified()).count();
        String text = "verified " + verified + " migration" + (verified == 1 ? "" : "s") + ": "
                + count(Severity.ERROR, "error", "errors") + ", " + count(Severity.CHANGED, "changed", "changed")
                + ", " + count(Severity.COSMETIC, "cosmetic", "cosmetic");
        return notVerified == 0 ? text : text + "; " + notVerified + " not verified";
    }

    private String count(Severity severity, String one, String many) {
        long n = cases.stream().filter(c -> c.severity().orElse(null) == severity).count();
        return n + " " + (n == 1 ? one : many);
    }

    /** Every line of the report: findings first (passing migrations are left out), then the summary. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (VerifyCase c : cases) {
            if (c.severity().isPresent() || !c.verified()) {
                lines.addAll(c.lines());
            }
        }
        lines.add(summary());
        return lines;
    }
}
