package ai.brokle.migrate.engine;

import ai.brokle.migrate.liquibase.TranslatedMigration;
import ai.brokle.migrate.source.Migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Applies or rolls back a planned list of migrations, one at a time, each with its bookkeeping (up, down, goto). */
final class MoveGoal implements GuardedChange.Goal<MoveGoal.Plan> {

    /**
     * @param migrations in the order they run (rollbacks newest first)
     * @param up         true to apply, false to roll back
     */
    record Plan(List<Migration> migrations, boolean up) {
    }

    private final Function<PreparedTarget, Plan> planner;
    private final Reporter reporter;

    MoveGoal(Function<PreparedTarget, Plan> planner, Reporter reporter) {
        this.planner = planner;
        this.reporter = reporter;
    }

    @Override
    public Plan plan(PreparedTarget state) {
        state.requireClean();
        Plan plan = planner.apply(state);
        MigrationRunner runner = runner(state.target);
        plan.migrations().forEach(m -> runner.requireOwnTransaction(state.target.translate(m), plan.up()));
        return plan;
    }

    @Override
    public boolean isEmpty(Plan plan) {
        return plan.migrations().isEmpty();
    }

    @Override
    public Optional<String> confirmation(PreparedTarget state, Plan plan) {
        if (plan.up()) {
            return Optional.empty();
        }
        return Optional.of("rollback " + plan.migrations().size() + " migration(s) on " + state.target.name() + " ("
                + state.target.displayUrl() + "): "
                + plan.migrations().stream().map(Migration::id).collect(Collectors.joining(", ")));
    }

    @Override
    public void reportNothingToDo(PreparedTarget state) {
        Target target = state.target;
        reporter.info("[" + target.name() + "] no change: " + state.appliedMigrations().size() + " of "
                + target.migrations.size() + " migrations applied, nothing to do (" + target.displayUrl() + ")");
    }

    @Override
    public List<AppliedMigration> preview(PreparedTarget state, Plan plan) {
        Target target = state.target;
        reporter.info("[" + target.name() + "] dry run: would " + (plan.up() ? "apply " : "roll back ")
                + plan.migrations().size() + " migration(s) on " + target.displayUrl());
        if (plan.up()) {
            reporter.info("[" + target.name() + "] -- tracking tables (created when missing)");
            target.dialect.trackingTablesSql(target.config).forEach(sql -> reporter.info(sql + ";"));
        }
        MigrationRunner runner = runner(target);
        List<AppliedMigration> planned = new ArrayList<>();
        for (Migration migration : plan.migrations()) {
            TranslatedMigration translated = target.translate(migration);
            planned.add(new AppliedMigration(target.name(), migration.id(), migration.version(), 0));
            reporter.info("[" + target.name() + "] -- " + migration.id());
            for (String sql : runner.plannedSql(translated, plan.up(), step(state, migration, plan.up()).after())) {
                reporter.info(sql.endsWith(";") || sql.startsWith("--") ? sql : sql + ";");
            }
        }
        return planned;
    }

    @Override
    public List<AppliedMigration> act(PreparedTarget state, Plan plan) {
        Target target = state.target;
        MigrationRunner runner = runner(target);
        if (plan.up()) {
            reporter.info("[" + target.name() + "] applying " + plan.migrations().size() + " migration(s) on "
                    + target.displayUrl());
        }
        List<AppliedMigration> done = new ArrayList<>();
        for (Migration migration : plan.migrations()) {
            TranslatedMigration translated = target.translate(migration);
            long start = System.nanoTime();
            Step step = step(state, migration, plan.up());
            if (plan.up()) {
                runner.apply(translated, step.before(), step.after());
            } else {
                if (translated.down().isEmpty()) {
                    reporter.warn("[" + target.name() + "] " + migration.id() + " has no down SQL: only its record "
                            + "is removed");
                }
                runner.rollback(translated, step.before(), step.after());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            reporter.info("[" + target.name() + "] " + (plan.up() ? "applied " : "rolled back ") + migration.id()
                    + " (" + millis + " ms)");
            done.add(new AppliedMigration(target.name(), migration.id(), migration.version(), millis));
        }
        return done;
    }

    /** The highest applied version before and after one migration moves. */
    private record Step(Optional<Long> before, Optional<Long> after) {
    }

    /** Moves the in-memory state past one migration. */
    private static Step step(PreparedTarget state, Migration migration, boolean up) {
        Optional<Long> before = state.currentVersion();
        if (up) {
            state.remember(migration, true);
        } else {
            state.forget(migration);
        }
        return new Step(before, state.currentVersion());
    }

    private static MigrationRunner runner(Target target) {
        return new MigrationRunner(target, new FailureNote(target.workDir(), target.name()));
    }
}
