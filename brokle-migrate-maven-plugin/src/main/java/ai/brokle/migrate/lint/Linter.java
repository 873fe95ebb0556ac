package ai.brokle.migrate.lint;

import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.source.MigrationDirectory;
import ai.brokle.migrate.source.SourceProblem;
import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.sql.SqlSyntax;
import ai.brokle.migrate.sql.StatementSplitter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one migration directory without a database: reads and pairs the files (every problem becomes a finding),
 * splits each with the project's splitter, runs the generic rules and the dialect's rules over each migration in
 * version order, and with {@code since} the history rules.
 */
public final class Linter {

    private final String datasource;
    private final SqlSyntax syntax;
    private final boolean transactional;
    private final List<Rule> rules;
    private final Path baseDir;
    private final LintOptions options;

    /**
     * @param transactional true when the database runs a migration in one transaction (unless the file opts out)
     * @param dialectRules  the database-specific rules
     * @param baseDir       paths in findings are shown relative to it
     */
    public Linter(String datasource, SqlSyntax syntax, boolean transactional, List<Rule> dialectRules, Path baseDir,
                  LintOptions options) {
        this.datasource = datasource;
        this.syntax = syntax;
        this.transactional = transactional;
        this.rules = new ArrayList<>(GenericRules.checks());
        this.rules.addAll(dialectRules);
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.options = options;
    }

    /** Every rule this linter knows, by id. */
    public List<Rule> rules() {
        List<Rule> all = new ArrayList<>(GenericRules.all());
        rules.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return all;
    }

    public LintResult run(Path dir) {
        long start = System.nanoTime();
        Findings findings = new Findings(datasource, options.ignore());
        MigrationDirectory.Scan scan = MigrationDirectory.scan(dir, datasource);
        Set<Path> files = new HashSet<>();
        for (SourceProblem problem : scan.problems()) {
            files.add(problem.file());
            String message = problem.message().startsWith(problem.file() + ": ")
                    ? problem.message().substring(problem.file().toString().length() + 2) : problem.message();
            findings.add(sourceRule(problem.kind()), problem.file(), problem.line(), message, Set.of());
        }
        StatementSplitter splitter = new StatementSplitter(syntax);
        LintContext context = new LintContext();
        List<String> explain = new ArrayList<>();
        int statements = 0;
        for (Migration migration : scan.migrations()) {
            files.add(migration.upFile());
            if (migration.downFile() != null) {
                files.add(migration.downFile());
            }
            Map<String, Suppressions.Place> ignores = Suppressions.read(migration);
            List<SqlStatement> up = splitter.split(migration.upSql());
            List<SqlStatement> down = splitter.split(migration.downSql());
            MigrationUnit unit = new MigrationUnit(migration, up, down, syntax, ignores.keySet());
            statements += up.size() + down.size();
            checkSuppressions(ignores, findings);
            for (Rule rule : rules) {
                rule.check(unit, context, findings);
            }
            context.learn(unit);
            if (options.explain()) {
                explain(migration, up, down, explain);
            }
        }
        if (options.since() != null) {
            new History(dir, options.since()).check(scan, findings);
        }
        List<Finding> shown = findings.list().stream().map(this::relative)
                .sorted(Comparator.comparing((Finding f) -> f.file().toString()).thenComparingInt(Finding::line))
                .toList();
        return new LintResult(datasource, shown(dir), files.stream().map(this::shown).sorted().toList(), statements, shown, findings.suppressed(), explain,
                rules(), System.nanoTime() - start);
    }

    private static Rule sourceRule(SourceProblem.Kind kind) {
        return switch (kind) {
            case NAMING -> GenericRules.NAMING;
            case VERSION_COLLISION -> GenericRules.VERSIONS;
            case ENCODING -> GenericRules.ENCODING;
            case PAIRING -> GenericRules.PAIRING;
        };
    }

    private void checkSuppressions(Map<String, Suppressions.Place> ignores, Findings findings) {
        ignores.forEach((id, place) -> {
            Rule rule = rules().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            if (rule == null) {
                findings.add(GenericRules.SUPPRESSION, place.file(), place.line(), "ignores " + id
                        + ", which is not a " + datasource + " rule.", Set.of());
            } else if (rule.severity() == Severity.ERROR) {
                findings.add(GenericRules.SUPPRESSION, place.file(), place.line(), "ignores " + id
                        + ", an error; errors cannot be suppressed.", Set.of());
            }
        });
    }

    private void explain(Migration migration, List<SqlStatement> up, List<SqlStatement> down, List<String> out) {
        String mode = transactional ? (migration.transactional() ? "in one transaction"
                : "outside a transaction (-- +migrate notransaction)") : "one statement at a time, no transaction";
        describe(migration.upFile(), "up", mode, up, out);
        if (migration.downFile() != null) {
            describe(migration.downFile(), "down", mode, down, out);
        }
    }

    private void describe(Path file, String direction, String mode, List<SqlStatement> statements, List<String> out) {
        out.add("[" + datasource + "] " + shown(file) + " (" + direction + ", " + mode + "): " + statements.size()
                + " statement(s)");
        for (SqlStatement statement : statements) {
            String[] lines = statement.sql().split("\n");
            out.add("  #" + statement.number() + " line " + statement.line() + ": " + lines[0]);
            for (int i = 1; i < lines.length; i++) {
                out.add("      " + lines[i]);
            }
        }
    }

    private Finding relative(Finding f) {
        return new Finding(f.ruleId(), f.severity(), f.datasource(), shown(f.file()), f.line(), f.message(), f.fix());
    }

    private Path shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(baseDir) ? baseDir.relativize(absolute) : file;
    }
}
