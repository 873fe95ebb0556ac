package ai.brokle.migrate.engine;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.liquibase.AppliedChangeSet;
import ai.brokle.migrate.liquibase.ChangeLogException;
import ai.brokle.migrate.liquibase.TranslatedMigration;
import ai.brokle.migrate.source.Migration;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The goals where a user declares the state instead of running SQL: {@code force} (the database is at version V)
 * and {@code repair} (accept edited, renamed and deleted applied files). Both are confirmed, and both run through
 * {@link GuardedChange}, so a refusal writes nothing.
 */
final class Declarations {

    /** Record changes: migrations to record as applied (not run), ids to unrecord, checksums to re-record. */
    record Plan(List<Migration> record, List<String> unrecord, List<Migration> rechecksum, List<String> lines) {
        boolean isEmpty() {
            return record.isEmpty() && unrecord.isEmpty() && rechecksum.isEmpty();
        }
    }

    private final Reporter reporter;

    Declarations(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Exactly the migrations at or below {@code version} recorded as applied; the version written clean. */
    GuardedChange.Goal<Plan> force(long version) {
        return new DeclarationGoal(state -> {
            List<Migration> record = state.target.migrations.stream()
                    .filter(m -> m.version() <= version && !state.isApplied(m)).toList();
            List<String> unrecord = state.appliedIds().stream().filter(id -> Records.version(id) > version).toList();
            return new Plan(record, unrecord, List.of(), List.of());
        }, plan -> "FORCE migration to version " + version + " (DANGEROUS)", true, version);
    }

    /** Checksums of edited applied files re-recorded, renamed files recorded under their new name, records of deleted files removed. */
    GuardedChange.Goal<Plan> repair() {
        return new DeclarationGoal(state -> {
            state.requireClean();
            Target target = state.target;
            state.requireKnownGoVersion("repair");
            Map<String, Migration> byId = target.migrations.stream().collect(Collectors.toMap(Migration::id, m -> m));
            List<Migration> record = new ArrayList<>();
            List<String> unrecord = new ArrayList<>();
            List<Migration> rechecksum = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (String id : state.appliedIds()) {
                Migration file = byId.get(id);
                if (file != null) {
                    AppliedChangeSet row = state.recorded().get(id);
                    if (row != null && row.checksum() != null
                            && !row.checksum().equals(target.translate(file).checksum())) {
                        rechecksum.add(file);
                        lines.add("re-record the checksum of " + id + " (its file was edited after it was applied)");
                    }
                    continue;
                }
                unrecord.add(id);
                Optional<Migration> renamed = target.migrations.stream()
                        .filter(m -> m.version() == Records.version(id) && !state.isApplied(m)).findFirst();
                if (renamed.isPresent() && record.contains(renamed.get())) {
                    lines.add("remove the record of " + id + " (its version is recorded as " + renamed.get().id()
                            + " now)");
                } else if (renamed.isPresent()) {
                    record.add(renamed.get());
                    lines.add("record " + renamed.get().id() + " as applied under its new name, without running it "
                            + "(was " + id + ")");
                } else {
                    lines.add("remove the record of " + id + " (its file was deleted)");
                }
            }
            return new Plan(record, unrecord, rechecksum, lines);
        }, plan -> "repair the records of applied migrations: " + String.join("; ", plan.lines()), false, null);
    }

    /** One declaration: how to plan it and what to confirm. */
    private final class DeclarationGoal implements GuardedChange.Goal<Plan> {
        private final Function<PreparedTarget, Plan> planner;
        private final Function<Plan, String> action;
        private final boolean alwaysWrites;
        private final Long forcedVersion;

        DeclarationGoal(Function<PreparedTarget, Plan> planner, Function<Plan, String> action, boolean alwaysWrites,
                        Long forcedVersion) {
            this.planner = planner;
            this.action = action;
            this.alwaysWrites = alwaysWrites;
            this.forcedVersion = forcedVersion;
        }

        @Override
        public Plan plan(PreparedTarget state) {
            return planner.apply(state);
        }

        /** force always writes (it clears a dirty flag even when the records already agree). */
        @Override
        public boolean isEmpty(Plan plan) {
            return !alwaysWrites && plan.isEmpty();
        }

        @Override
        public Optional<String> confirmation(PreparedTarget state, Plan plan) {
            return Optional.of(action.apply(plan) + " on " + state.target.name() + " (" + state.target.displayUrl()
                    + "): no SQL runs, only the records change");
        }

        @Override
        public void reportNothingToDo(PreparedTarget state) {
            reporter.info("[" + state.target.name() + "] no change: every applied migration's record matches its file");
        }

        @Override
        public List<AppliedMigration> preview(PreparedTarget state, Plan plan) {
            reporter.info("[" + state.target.name() + "] dry run: would " + action.apply(plan)
                    + "; " + plan.record().size() + " migration(s) recorded as applied, " + plan.unrecord().size()
                    + " unrecorded; nothing written");
            return List.of();
        }

        @Override
        public List<AppliedMigration> act(PreparedTarget state, Plan plan) {
            Target target = state.target;
            try {
                for (String id : plan.unrecord()) {
                    target.changeLog().unmarkRan(id);
                    state.forgetId(id);
                }
                for (Migration migration : plan.record()) {
                    target.changeLog().markRanWithoutRunning(target.translate(migration));
                    state.remember(migration, false);
                }
                for (Migration migration : plan.rechecksum()) {
                    TranslatedMigration translated = target.translate(migration);
                    if (target.dialect.facts().updatesChangeLogInPlace()) {
                        target.changeLog().updateChecksum(translated);
                    } else {
                        target.changeLog().unmarkRan(translated);
                        // written anew, it still says whether it ran here or was only recorded
                        if (state.recorded().get(migration.id()).ranHere()) {
                            target.changeLog().markRan(translated);
                        } else {
                            target.changeLog().markRanWithoutRunning(translated);
                        }
                    }
                }
                state.writeVersion(forcedVersion == null ? state.currentVersion()
                        : Optional.of(forcedVersion).filter(v -> v != 0));
                target.changeLog().commit();
            } catch (ChangeLogException | SQLException e) {
                throw target.failure((forcedVersion == null ? "repair" : "force") + " failed: ", e,
                        InternalFailure::new);
            }
            new FailureNote(target.workDir(), target.name()).clear();
            if (forcedVersion != null) {
                reporter.info("[" + target.name() + "] forced to version " + forcedVersion + " (clean): "
                        + plan.record().size() + " migration(s) recorded as applied, " + plan.unrecord().size()
                        + " unrecorded; no SQL was run");
            } else {
                plan.lines().forEach(line -> reporter.info("[" + target.name() + "] repaired: " + line));
            }
            return List.of();
        }
    }
}
