package ai.brokle.migrate.engine;

import ai.brokle.migrate.config.ConfigurationException;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.dialect.Dialects;
import ai.brokle.migrate.lint.LintOptions;
import ai.brokle.migrate.liquibase.ChangeLogSession;
import ai.brokle.migrate.liquibase.ChangeSetTranslator;
import ai.brokle.migrate.source.Migration;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The engine's entry point: one call per goal. Owns ordering, the datasource order (up: PostgreSQL then ClickHouse;
 * down and destructive goals: the reverse), confirmations, "no change" outcomes and integrity checks.
 */
public final class Migrator {

    private final MigrateConfig config;
    private final Reporter reporter;
    private final Confirmer confirmer;
    private final Targets targets;

    public Migrator(MigrateConfig config, Reporter reporter, Confirmer confirmer) {
        this.config = config;
        this.reporter = reporter;
        this.confirmer = confirmer;
        this.targets = new Targets(config, reporter);
    }

    /** Applies pending migrations (at most {@code steps}) on every selected datasource. */
    public RunResult up(UpRequest request) {
        int steps = request.steps() == null ? Integer.MAX_VALUE : request.steps();
        if (steps <= 0) {
            throw new ConfigurationException("brokle.migrate.steps=" + steps + " applies nothing. Give a positive count, "
                    + "e.g. -Dbrokle.migrate.steps=2, or leave it out to apply all pending migrations.");
        }
        GuardedChange guarded = guarded(request.dryRun(), false, request.lockWaitSeconds());
        return move(targets.load(false), false, guarded, state -> {
            requireIntegrity(state, "up", request.ignoreDrift(), request.outOfOrder());
            return new MoveGoal.Plan(state.pending().stream().limit(steps).toList(), true);
        });
    }

    /** Rolls back the last {@code steps} (default 1) applied migrations: ClickHouse first, then PostgreSQL. */
    public RunResult down(DownRequest request) {
        int steps = request.steps() == null ? 1 : Math.abs(request.steps());
        if (steps == 0) {
            throw new ConfigurationException("brokle.migrate.steps=0 rolls back nothing. Give a count, e.g. "
                    + "-Dbrokle.migrate.steps=1.");
        }
        GuardedChange guarded = guarded(request.dryRun(), request.confirmed(), request.lockWaitSeconds());
        return move(targets.load(true), true, guarded, state -> rollbackPlan(state, "down", steps, Long.MIN_VALUE));
    }

    /**
     * Moves to exactly {@code version} by the list of migrations (never by arithmetic on versions): up through the
     * pending ones at or below it, or down through the applied ones above it. {@code 0} means "nothing applied".
     */
    public RunResult goTo(GotoRequest request) {
        long target = requireVersion("goto", request.version());
        List<Target> selected = targets.loadSingle("goto");
        requireKnownVersion(selected.get(0), target);
        GuardedChange guarded = guarded(request.dryRun(), request.confirmed(), request.lockWaitSeconds());
        return move(selected, true, guarded, state -> {
            if (target >= state.currentVersion().orElse(0L)) {
                requireIntegrity(state, "goto", request.ignoreDrift(), request.outOfOrder());
                return new MoveGoal.Plan(state.pending().stream().filter(m -> m.version() <= target).toList(), true);
            }
            return rollbackPlan(state, "goto", Integer.MAX_VALUE, target);
        });
    }

    /**
     * The newest applied migrations above {@code floor}, at most {@code steps}, newest first. Every record of a version
     * to undo must still have its file: its down SQL is what runs (an edited file's current down is used, as
     * golang-migrate does). Refused under a golang-migrate version that no file or record has.
     */
    private MoveGoal.Plan rollbackPlan(PreparedTarget state, String goal, int steps, long floor) {
        Target target = state.target;
        state.requireKnownGoVersion(goal);
        Map<String, Migration> files = target.migrations.stream().collect(Collectors.toMap(Migration::id, m -> m));
        List<String> newestFirst = new ArrayList<>(state.appliedIds());
        Collections.reverse(newestFirst);
        List<Migration> undo = new ArrayList<>();
        for (String id : newestFirst) {
            if (undo.size() >= steps || Records.version(id) <= floor) {
                break;
            }
            // every record of the version goes down with it: one whose file is gone has no down SQL
            List<String> withoutFile = newestFirst.stream()
                    .filter(other -> Records.version(other) == Records.version(id) && !files.containsKey(other))
                    .sorted().toList();
            if (!withoutFile.isEmpty()) {
                throw new GoalRefusedException("[" + target.name() + "] cannot roll back version " + Records.version(id)
                        + ": applied migration(s) " + String.join(", ", withoutFile) + " at it have no file in "
                        + target.config.dir() + ", so their down SQL is unknown. Nothing was changed. Restore the "
                        + "file(s), or if they were deleted on purpose remove their records with mvn brokle-migrate:repair "
                        + "-Dbrokle.migrate.db=" + target.name());
            }
            undo.add(files.get(id));
        }
        return new MoveGoal.Plan(undo, false);
    }

    private static void requireIntegrity(PreparedTarget state, String goal, boolean ignoreDrift, boolean outOfOrder) {
        if (ignoreDrift) {
            state.adoptUnknownGoVersion();
        }
        List<String> problems = state.integrityProblems(ignoreDrift, outOfOrder);
        if (!problems.isEmpty()) {
            throw new GoalRefusedException("[" + state.target.name() + "] " + goal + " refused, nothing was applied:\n  - "
                    + String.join("\n  - ", problems));
        }
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
            lines.add(tag + "guards: " + String.join(", ", Dialects.of(datasource.name()).guard(datasource).describe()));
        }
        config.notes().forEach(note -> lines.add("note: " + note));
        return new InfoReport(lines, status());
    }

    /**
     * Checks the migration files of every selected datasource without a database: naming, pairing, encoding, how
     * each file splits, the generic and the dialects' rules, and with {@code since} the git history. Writes the JSON
     * and JUnit XML reports under the work directory.
     *
     * @throws ValidationFailedException when any finding is an error (after all were reported)
     */
    public ValidationReport validate(LintOptions options) {
        return new Validation(config, reporter, options).run();
    }

    /** Writes the next migration pair for the selected datasource ({@code db=all} means the primary); no database. */
    public List<Path> create(CreateRequest request, Clock clock) {
        DatasourceConfig datasource = config.datasources().size() == 1 ? config.datasources().get(0)
                : config.datasource(Dialects.primary().name()).orElseThrow();
        return new MigrationCreator(clock).create(datasource, Dialects.of(datasource.name()), request.name());
    }

    /**
     * Loads a seed set ({@code seed=dev} or {@code seedFile}) into every selected datasource, in foreign-key order
     * and idempotently; {@code reset} empties the seeded tables first (confirmed), {@code dryRun} prints the plan.
     */
    public ai.brokle.migrate.seed.SeedResult seed(SeedRequest request) {
        return new SeedCommand(config, reporter, new Confirmation(request.confirmed(), confirmer), request).run();
    }

    /**
     * Declares one datasource to be at {@code version} (clean), without running anything: migrations up to it are
     * recorded as applied, later ones unrecorded. This is the recovery from a dirty database. Confirmed.
     */
    public void force(ForceRequest request) {
        long version = requireVersion("force", request.version());
        List<Target> selected = targets.loadSingle("force");
        requireKnownVersion(selected.get(0), version);
        declare(selected, guarded(request.dryRun(), request.confirmed(), request.lockWaitSeconds()),
                new Declarations(reporter).force(version));
    }

    /**
     * Accepts intentional changes to applied files, listing each: re-records the checksums of edited files, records a
     * renamed file under its new name, removes the records of deleted ones. No SQL runs. Confirmed.
     */
    public void repair(RepairRequest request) {
        declare(targets.load(false), guarded(request.dryRun(), request.confirmed(), request.lockWaitSeconds()),
                new Declarations(reporter).repair());
    }

    private void declare(List<Target> targets, GuardedChange guarded, GuardedChange.Goal<Declarations.Plan> goal) {
        for (Target target : targets) {
            try (target) {
                target.open(config.workDir(), reporter);
                guarded.run(target, true, goal);
            }
        }
    }

    /**
     * Proves every down on a scratch database, never on the configured one: for each migration in order, snapshot,
     * up, down, snapshot and compare, up again; then all undone in reverse and the database back to empty. Writes
     * JUnit XML and JSON under the work directory; the caller fails the build when {@link VerifyReport#failed()}.
     */
    public VerifyReport verify(VerifyRequest request, Clock clock) {
        java.util.Set<ai.brokle.migrate.schema.Severity> failOn = request.failOn();
        List<VerifyCase> cases = new ArrayList<>();
        for (Target target : targets.load(false)) {
            cases.addAll(new Verifier(target, reporter, config.workDir(), clock).run());
        }
        VerifyReport unwritten = new VerifyReport(cases, failOn, List.of());
        VerifyReport report = new VerifyReport(cases, failOn, VerifyFiles.write(config.workDir(), unwritten));
        report.lines().forEach(reporter::info);
        return report;
    }

    /** The destructive wipes: drop, reset, unlock. */
    public Repairs repairs() {
        return new Repairs(targets, confirmer);
    }

    // ---- shared machinery ------------------------------------------------------------------------------------

    static long requireVersion(String goal, Long version) {
        if (version == null) {
            throw new ConfigurationException(goal + " needs a target version. Example: mvn brokle-migrate:" + goal
                    + " -Dbrokle.migrate.db=" + Dialects.primary().name()
                    + " -Dbrokle.migrate.version=20240115103000 (0 = nothing applied)");
        }
        return version;
    }

    static void requireKnownVersion(Target target, long version) {
        if (version != 0 && target.migrations.stream().noneMatch(m -> m.version() == version)) {
            String known = target.migrations.stream().map(m -> String.valueOf(m.version()))
                    .collect(Collectors.joining(", "));
            throw new ConfigurationException("brokle.migrate.version=" + version + " is not a migration of "
                    + target.name() + " (" + target.config.dir() + "). Use 0 or one of: " + known);
        }
    }

    private RunResult move(List<Target> targets, boolean mayConfirm, GuardedChange guarded,
                           Function<PreparedTarget, MoveGoal.Plan> planner) {
        List<AppliedMigration> done = new ArrayList<>();
        for (Target target : targets) {
            try (target) {
                target.open(config.workDir(), reporter);
                done.addAll(guarded.run(target, mayConfirm, new MoveGoal(planner, reporter)));
            }
        }
        return new RunResult(done, guarded.dryRun());
    }

    private GuardedChange guarded(boolean dryRun, boolean confirmed, long lockWaitSeconds) {
        return new GuardedChange(reporter, new Confirmation(confirmed, confirmer), dryRun, lockWaitSeconds);
    }
}
