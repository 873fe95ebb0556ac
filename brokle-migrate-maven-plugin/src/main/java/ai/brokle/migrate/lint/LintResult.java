package ai.brokle.migrate.lint;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code validate} found in one migration directory.
 *
 * @param files       migration files read (relative to the project when under it), sorted
 * @param statements  statements split from them (up and down)
 * @param suppressed  warnings dropped by suppressions
 * @param explain     how each file splits, when asked for ({@code explain=true}); else empty
 * @param rules       every rule that ran
 * @param nanos       time spent, for the benchmark
 */
public record LintResult(String datasource, Path dir, List<Path> files, int statements, List<Finding> findings,
                         int suppressed, List<String> explain, List<Rule> rules, long nanos) {

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }
}
