package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.config.ConfigResolver;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.dialect.Dialects;
import ai.brokle.migrate.liquibase.ChangeLogSession;
import ai.brokle.migrate.liquibase.ChangeSetTranslator;
import ai.brokle.migrate.liquibase.TranslatedMigration;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.source.MigrationDirectory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The engine's entry point: one call per goal. Owns ordering, the datasource order (up: PostgreSQL then ClickHouse;
 * down and destructive goals: the reverse), confirmations, "no change" outcomes and integrity checks.
 */
public final class Migrator {

    private final MigrateConfig config;
    private final Reporter reporter;
    private final Confirmation confirmation;

    public Migrator(MigrateConfig config, Reporter reporter, Confirmer confirmer) {
        this.config = config;
        this.reporter = reporter;
        this.confirmation = new Confirmation(config.confirmed(), confirmer);
    }

    /** Applies pending migrations (at most {@code steps}) on every selected datasource. */
    public RunResult up() {
        int steps = config.steps() == null ? Integer.MAX_VALUE : config.steps();
        if (steps <= 0) {
            throw new MigrateException("brokle.migrate.steps=" + steps + " applies nothing. Give a positive count, "
                    + "e.g. -Dbrokle.migrate.steps=2, or leave it out to apply all pending migrations.");
        }
        return forEach(loadTargets(false), (prepared, runner) -> {
            List<String> problems = prepared.integrityProblems(config.ignoreDrift(), config.outOfOrder());
            if (!problems.isEmpty()) {
                throw new MigrateException("[" + prepared.target.name() + "] up refused, nothing was applied:\n  - "
                        + String.join("\n  - ", problems));
            }
            return apply(prepared, runner, prepared.pending().stream().limit(steps).toList());
        });
    }

    /** Rolls back the last {@code steps} (default 1) applied migrations: ClickHouse first, then PostgreSQL. */
    public RunResult down() {
        int steps = config.steps() == null ? 1 : Math.abs(config.steps());
        if (steps == 0) {
            throw new MigrateException("brokle.migrate.steps=0 rolls back nothing. Give a count, e.g. "
                    + "-Dbrokle.migrate.steps=1.");
        }
        return forEach(loadTargets(true), (prepared, runner) -> {
            List<Migration> applied = new ArrayList<>(prepared.appliedMigrations());
            Collections.reverse(applied);
            return rollback(prepared, runner, applied.subList(0, Math.min(steps, applied.size())));
        });
    }

    /**
     * Moves to exactly {@code version} by the list of migrations (never by arithmetic on versions): up through the
     * pending ones at or below it, or down through the applied ones above it. {@code 0} means "nothing applied".
     */
    public RunResult goTo() {
        long target = requireVersion("goto");
        List<Target> targets = loadSingleTarget("goto");
        requireKnownVersion(targets.get(0), target);
        return forEach(targets, (prepared, runner) -> {
            long current = prepared.currentVersion().orElse(0L);
            if (target >= current) {
                return apply(prepared, runner, prepared.pending().stream().filter(m -> m.version() <= target).toList());
            }
            List<Migration> above = new ArrayList<>(prepared.appliedMigrations().stream()
                    .filter(m -> m.version() > target).toList());
            Collections.reverse(above);
            return rollback(prepared, runner, above);
        });
    }

    public StatusReport status() {
        return new StatusInspector(config, reporter).inspect();
    }

    /** Resolved configuration and versions, then the same health as {@link #status()}. */
    public InfoReport info() {
        List<String> lines = new ArrayList<>();
        lines.add("brokle-migrate-maven-plugin " + Versions.plugin() + ", Liquibase "
                + ChangeLogSession.liquibaseVersion() + ", Java " + System.getProperty("java.version"));
        lines.add("project: " + config.baseDir());
        for (DatasourceConfig datasource : config.datasources()) {
            String tag = "[" + datasource.name() + "] ";
            lines.add(tag + "url: " + datasource.displayUrl());
            lines.add(tag + "migrations: " + datasource.dir());
            lines.add(tag + "version table: " + datasource.table() + ", changelog: DATABASECHANGELOG as "
                    + ChangeSetTranslator.logicalPath(datasource.name()));
            lines.add(tag + "driver: " + Dialects.of(datasource.name()).describeDriver());
            if (datasource.cluster() != null) {
                lines.add(tag + "cluster: " + datasource.cluster());
            }
        }
        config.notes().forEach(note -> lines.add("note: " + note));
        return new InfoReport(lines, status());
    }

    /** Writes the next migration pair for the selected datasource ({@code db=all} means PostgreSQL); no database. */
    public List<Path> create(Clock clock) {
        DatasourceConfig datasource = config.datasources().get(0);
        return new MigrationCreator(clock).create(datasource, Dialects.of(datasource.name()), config.name());
    }

    /**
     * Loads a seed set ({@code seed=dev} or {@code seedFile}) into every selected datasource, in foreign-key order
     * and idempotently; {@code reset} empties the seeded tables first (confirmed), {@code dryRun} prints the plan.
     */
    public ai.brokle.migrate.seed.SeedResult seed() {
        return new SeedCommand(config, reporter, confirmation).run();
    }

    /** The destructive repairs: force, drop, reset, unlock. */
    public Repairs repairs() {
        return new Repairs(config, reporter, confirmation, this);
    }

    // ---- shared machinery ------------------------------------------------------------------------------------

    /** Loads and validates the migration files of every configured datasource before anything connects. */
    List<Target> loadTargets(boolean reverse) {
        List<Target> targets = new ArrayList<>();
        for (DatasourceConfig datasource : config.datasources()) {
            if (!datasource.configured()) {
                if (!config.db().equals("all")) {
                    throw notConfigured(datasource.name());
                }
                reporter.info("[" + datasource.name() + "] not configured, skipped (set brokle.migrate."
                        + datasource.name() + ".url to use it)");
                continue;
            }
            targets.add(new Target(datasource, Dialects.of(datasource.name()),
                    MigrationDirectory.load(datasource.dir())));
        }
        if (reverse) {
            Collections.reverse(targets);
        }
        return targets;
    }

    /** goto and force name one version, which only makes sense for one datasource. */
    List<Target> loadSingleTarget(String goal) {
        List<Target> targets = loadTargets(false);
        if (targets.size() != 1) {
            throw new MigrateException(goal + " sets one datasource to one version, but " + targets.size()
                    + " datasources are selected. Name one: -Dbrokle.migrate.db=postgres or -Dbrokle.migrate.db=clickhouse");
        }
        return targets;
    }

    long requireVersion(String goal) {
        if (config.version() == null) {
            throw new MigrateException(goal + " needs a target version. Example: mvn brokle-migrate:" + goal
                    + " -Dbrokle.migrate.db=postgres -Dbrokle.migrate.version=20240115103000 (0 = nothing applied)");
        }
        return config.version();
    }

    static void requireKnownVersion(Target target, long version) {
        if (version != 0 && target.migrations.stream().noneMatch(m -> m.version() == version)) {
            String known = target.migrations.stream().map(m -> String.valueOf(m.version()))
                    .collect(Collectors.joining(", "));
            throw new MigrateException("brokle.migrate.version=" + version + " is not a migration of "
                    + target.name() + " (" + target.config.dir() + "). Use 0 or one of: " + known);
        }
    }

    private RunResult forEach(List<Target> targets, BiFunction<PreparedTarget, MigrationRunner,
            List<AppliedMigration>> work) {
        List<AppliedMigration> done = new ArrayList<>();
        for (Target target : targets) {
            try (target; PreparedTarget prepared = PreparedTarget.prepare(target.open(config.workDir(), reporter),
                    reporter, config.dryRun(), config.lockWaitSeconds(), false, true)) {
                done.addAll(work.apply(prepared, new MigrationRunner(target,
                        new FailureNote(config.workDir(), target.name()))));
            }
        }
        return new RunResult(done, config.dryRun());
    }

    private List<AppliedMigration> apply(PreparedTarget prepared, MigrationRunner runner, List<Migration> pending) {
        Target target = prepared.target;
        List<AppliedMigration> done = new ArrayList<>();
        if (pending.isEmpty()) {
            reporter.info("[" + target.name() + "] no change: " + prepared.appliedMigrations().size() + " of "
                    + target.migrations.size() + " migrations applied, nothing to do (" + target.displayUrl() + ")");
            return done;
        }
        reporter.info("[" + target.name() + "] " + (config.dryRun() ? "dry run: would apply " : "applying ")
                + pending.size() + " migration(s) on " + target.displayUrl());
        if (config.dryRun()) {
            reporter.info("[" + target.name() + "] -- tracking tables (created when missing)");
            target.dialect.trackingTablesSql(target.config).forEach(sql -> reporter.info(sql + ";"));
        }
        for (Migration migration : pending) {
            TranslatedMigration translated = target.translate(migration);
            long start = System.nanoTime();
            if (config.dryRun()) {
                printPlan(target, migration, runner.plannedSql(translated, true, Optional.of(migration.version())));
            } else {
                runner.apply(translated);
                prepared.remember(migration);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!config.dryRun()) {
                reporter.info("[" + target.name() + "] applied " + migration.id() + " (" + millis + " ms)");
            }
            done.add(new AppliedMigration(target.name(), migration.id(), migration.version(), millis));
        }
        return done;
    }

    /** @param newestFirst applied migrations to undo, in the order they are undone */
    private List<AppliedMigration> rollback(PreparedTarget prepared, MigrationRunner runner,
                                            List<Migration> newestFirst) {
        Target target = prepared.target;
        List<AppliedMigration> done = new ArrayList<>();
        if (newestFirst.isEmpty()) {
            reporter.info("[" + target.name() + "] no change: nothing to roll back (" + target.displayUrl() + ")");
            return done;
        }
        String ids = newestFirst.stream().map(Migration::id).collect(Collectors.joining(", "));
        if (!config.dryRun()) {
            confirmation.require("rollback " + newestFirst.size() + " migration(s) on " + target.name() + " ("
                    + target.displayUrl() + "): " + ids);
        }
        for (Migration migration : newestFirst) {
            prepared.forget(migration);
            Optional<Long> previous = prepared.currentVersion();
            TranslatedMigration translated = target.translate(migration);
            long start = System.nanoTime();
            if (config.dryRun()) {
                printPlan(target, migration, runner.plannedSql(translated, false, previous));
            } else {
                if (translated.down().isEmpty()) {
                    reporter.warn("[" + target.name() + "] " + migration.id() + " has no down SQL: only its record "
                            + "is removed");
                }
                runner.rollback(translated, previous);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!config.dryRun()) {
                reporter.info("[" + target.name() + "] rolled back " + migration.id() + " (" + millis + " ms)");
            }
            done.add(new AppliedMigration(target.name(), migration.id(), migration.version(), millis));
        }
        return done;
    }

    private void printPlan(Target target, Migration migration, List<String> sql) {
        reporter.info("[" + target.name() + "] -- " + migration.id());
        for (String statement : sql) {
            reporter.info(statement.endsWith(";") || statement.startsWith("--") ? statement : statement + ";");
        }
    }

    private static MigrateException notConfigured(String name) {
        return new MigrateException(name + " is not configured. Set brokle.migrate." + name + ".url (or the "
                + ConfigResolver.urlVariable(name) + " environment variable), e.g. -Dbrokle.migrate." + name + ".url="
                + Dialects.of(name).exampleUrl());
    }

    MigrateConfig config() {
        return config;
    }
}
