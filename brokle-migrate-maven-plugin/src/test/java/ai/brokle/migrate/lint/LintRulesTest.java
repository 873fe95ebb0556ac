package ai.brokle.migrate.lint;

import ai.brokle.migrate.dialect.Dialect;
import ai.brokle.migrate.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One sample directory per rule (src/test/resources/lint/RULE-ID): the rule is caught in its file at its line. */
class LintRulesTest {

    static final Path SAMPLES = Path.of("src/test/resources/lint");

    static LintResult lint(String datasource, Path dir, LintOptions options) {
        Dialect dialect = Dialects.of(datasource);
        return new Linter(datasource, dialect.facts().syntax(), dialect.facts().transactional(), dialect.lintRules(),
                Path.of(""), options).run(dir);
    }

    @ParameterizedTest(name = "{0} in {2}:{3}")
    @CsvSource({
            "GEN001, postgres, create-users.sql, 0",
            "GEN002, postgres, 0001_b.up.sql, 0",
            "GEN003, postgres, 000001_bad.up.sql, 3",
            "GEN004, postgres, 000002_b.down.sql, 0",
            "GEN005, postgres, 000001_create_things.up.sql, 3",
            "GEN006, postgres, 000002_drop_note.up.sql, 4",
            "GEN007, postgres, 000001_nothing.up.sql, 0",
            "GEN008, postgres, 000001_a.up.sql, 1",
            "GEN009, postgres, 000001_a.up.sql, 3",
            "PG001, postgres, 000001_a.up.sql, 3",
            "PG002, postgres, 000002_email_index.up.sql, 3",
            "PG003, postgres, 000002_email_index.up.sql, 3",
            "PG004, postgres, 000002_age.up.sql, 4",
            "PG005, postgres, 000002_token.up.sql, 3",
            "PG006, postgres, 000001_things.up.sql, 2",
            "CH001, clickhouse, 000001_events.up.sql, 5",
            "CH002, clickhouse, 000002_name_required.up.sql, 3",
            "CH003, clickhouse, 000001_events.up.sql, 7",
            "CH004, clickhouse, 000001_events.up.sql, 5",
            "CH005, clickhouse, 000001_events.up.sql, 3",
            "CH006, clickhouse, 000001_events.up.sql, 3",
            "CH007, clickhouse, 000001_events.up.sql, 3",
            "CH008, clickhouse, 000001_events.up.sql, 1",
    })
    void eachRuleIsCaughtInItsSampleAtItsLine(String rule, String datasource, String file, int line) {
        Path dir = SAMPLES.resolve(rule);
        LintResult result = lint(datasource, dir, LintOptions.DEFAULT);
        List<Finding> hits = result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
        assertEquals(1, hits.size(), () -> rule + " once in " + dir + ": " + render(result));
        Finding finding = hits.get(0);
        assertEquals(dir.resolve(file), finding.file(), finding::render);
        assertEquals(line, finding.line(), finding::render);
        assertTrue(finding.render().contains(rule) && finding.render().contains("Fix: "), finding::render);
        Rule declared = result.rules().stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow();
        assertEquals(declared.severity(), finding.severity());
        assertFalse(declared.fix().isBlank());
    }

    @Test
    void everyRuleHasASample() {
        Set<String> ids = new HashSet<>();
        Stream.of("postgres", "clickhouse").forEach(d -> lint(d, SAMPLES.resolve("GEN005"), LintOptions.DEFAULT)
                .rules().forEach(r -> ids.add(r.id())));
        ids.removeAll(Set.of("GEN010", "GEN011")); // history rules: HistoryRulesTest, on a git repository
        Set<String> missing = ids.stream().filter(id -> !SAMPLES.resolve(id).toFile().isDirectory())
                .collect(Collectors.toSet());
        assertEquals(Set.of(), missing);
    }

    @Test
    void theRepositorysOwnMigrationsHaveNoErrors() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        LintResult postgres = lint("postgres", root.resolve("migrations"), LintOptions.DEFAULT);
        LintResult clickhouse = lint("clickhouse", root.resolve("migrations/clickhouse"), LintOptions.DEFAULT);
        assertEquals(0, postgres.errors(), render(postgres));
        assertEquals(0, clickhouse.errors(), render(clickhouse));
        assertEquals(21, postgres.files().size()); // 000001 is one file with sections
        assertEquals(14, clickhouse.files().size());
        // The one real warning: 000011 indexes organizations, created by 000002, without CONCURRENTLY.
        assertEquals(List.of("PG003 000011_add_organization_billing_fields.up.sql:9"), postgres.findings().stream()
                .map(f -> f.ruleId() + " " + f.file().getFileName() + ":" + f.line()).toList(), render(postgres));
        assertEquals(List.of(), clickhouse.findings(), render(clickhouse));
    }

    static String render(LintResult result) {
        return result.findings().stream().map(Finding::render).collect(Collectors.joining("\n"));
    }
}
