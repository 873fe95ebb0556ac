package ai.brokle.migrate.state;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.engine.ConfirmationRefusedException;
import ai.brokle.migrate.engine.DatasourceStatus;
import ai.brokle.migrate.engine.MigrationFailedException;
import ai.brokle.migrate.engine.StatusReport;
import ai.brokle.migrate.state.Db.Row;
import ai.brokle.migrate.state.Db.Version;
import ai.brokle.migrate.state.Expect.Outcome;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * After a plugin goal: the invariant of ARCHITECTURE §3, read from the database itself ((a) records have their
 * tables, (b) tables have their records, (c) schema_migrations is what golang-migrate would hold, (d) refusals and
 * dry runs write nothing), then the model's exact expectation. Then the model takes the database's state.
 */
final class Checker {

    private final World world;
    private final List<String> problems = new ArrayList<>();

    Checker(World world) {
        this.world = world;
    }

    void check(Goal goal, Expect expect, Model before, String dumpBefore, Throwable error, StatusReport status) {
        try {
            Map<String, Row> rows = world.db.changeLog();
            Set<String> tables = world.db.migrationTables();
            Optional<Version> sm = world.db.schemaMigrations();
            problems.addAll(world.db.versionTableProblems());
            boolean refused = error instanceof MigrateException && !(error instanceof MigrationFailedException);
            if (refused || goal.dryRun() || goal.kind() == Goal.Kind.STATUS || expect.unchanged()) {
                String dumpAfter = world.db.dump();
                if (!dumpAfter.equals(dumpBefore)) {
                    problems.add("(d) " + (refused ? "a refused goal" : goal.dryRun() ? "a dry run" : "a read-only goal")
                            + " changed the database:\n" + diff(dumpBefore, dumpAfter));
                }
            }
            boolean writes = !goal.dryRun() && goal.kind() != Goal.Kind.STATUS;
            Set<String> orphans = new HashSet<>(world.model.orphans);
            Set<String> declared = new HashSet<>(world.model.userDeclared);
            if (error == null && expect.after() != null) {
                orphans.addAll(expect.after().orphans); // tables a successful declaration (force) left unexplained
                declared.addAll(expect.after().userDeclared); // records it declared
            }
            invariants(rows, tables, sm, error == null && writes,
                    goal.kind() == Goal.Kind.FORCE || goal.kind() == Goal.Kind.REPAIR, orphans, declared);
            if (error != null && !(error instanceof MigrateException)) {
                problems.add("unexpected " + error);
            }
            if (expect.outcome() != Outcome.LENIENT) {
                expectation(expect, error, rows, tables, sm);
            }
            if (status != null) {
                status(before, status);
            }
            if (!problems.isEmpty()) {
                throw new AssertionError("after step " + world.steps.size() + " (" + goal + "):\n  - "
                        + String.join("\n  - ", problems) + "\nmodel rule: " + expect.why() + "\nstate before: " + before
                        + "\nstate after: records " + rows.values() + ", schema_migrations "
                        + sm.map(String::valueOf).orElse("none") + ", tables " + tables
                        + (error == null ? "" : "\nplugin said: " + error.getMessage())
                        + "\nsteps of this try:\n" + world.history());
            }
            resync(expect, rows, tables, sm);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the test database", e);
        }
    }

    /** (a), (b), (c) from what the database holds, with the exemptions §3 grants. */
    private void invariants(Map<String, Row> rows, Set<String> tables, Optional<Version> sm, boolean succeeded,
                            boolean declaration, Set<String> orphans, Set<String> declaredIds) {
        Model m = world.model;
        boolean dirty = sm.map(Version::dirty).orElse(false);
        long go = sm.map(Version::version).orElse(-1L);
        Set<String> recordedTables = new HashSet<>();
        for (Row row : rows.values()) {
            String table = m.tableOf.get(row.id());
            recordedTables.add(table);
            long version = Model.versionOf(row.id());
            boolean declared = "MARK_RAN".equals(row.execType()) || declaredIds.contains(row.id());
            if (!tables.contains(table) && !declared && !dirty && go >= version) {
                problems.add("(a) " + row.id() + " is recorded as " + row.execType() + " but its table " + table
                        + " does not exist");
            }
        }
        for (Row row : rows.values()) {
            long version = Model.versionOf(row.id());
            boolean otherName = rows.keySet().stream().anyMatch(id -> !id.equals(row.id()) && Model.versionOf(id) == version);
            if (otherName && "MARK_RAN".equals(row.execType()) && !declaration
                    && !m.records.containsKey(row.id())) {
                problems.add("(a) " + row.id() + " is recorded MARK_RAN although version " + version + " is already "
                        + "recorded under another name: a renamed or replaced file's successor never ran");
            }
        }
        for (String table : tables) {
            long version = world.versionOfTable(table);
            if (!recordedTables.contains(table) && !dirty && !orphans.contains(table) && go < version) {
                problems.add("(b) table " + table + " (migration " + version + ") exists but no migration of it is "
                        + "recorded");
            }
        }
        // A goal that ran and rolled back nothing leaves golang-migrate's own version standing: adopting what it says
        // (files up to it run, records above it rolled back) does not move it, even when no file or record has it
        // (taken with ignoreDrift). Only a goal that moved the records beyond that adoption must rewrite it.
        Model adopted = m.copy();
        if (m.sm.isPresent() && !m.dirty()) {
            PluginRules.adopt(adopted);
        }
        boolean recordsMoved = !rows.keySet().equals(adopted.records.keySet());
        if (succeeded && (recordsMoved || !sm.equals(world.model.sm))) {
            long max = rows.keySet().stream().mapToLong(Model::versionOf).max().orElse(-1);
            Optional<Version> wanted = max < 0 ? Optional.empty() : Optional.of(new Version(max, false));
            if (!sm.equals(wanted)) {
                problems.add("(c) after a successful goal schema_migrations is " + sm.map(String::valueOf).orElse("none")
                        + "; golang-migrate would hold " + wanted.map(String::valueOf).orElse("none")
                        + " (the highest applied version, clean)");
            }
        }
    }

    private void expectation(Expect expect, Throwable error, Map<String, Row> rows, Set<String> tables,
                             Optional<Version> sm) {
        switch (expect.outcome()) {
            case OK -> {
                if (error != null) {
                    problems.add("expected success (" + expect.why() + "), got " + error.getClass().getSimpleName()
                            + ": " + error.getMessage());
                }
            }
            case REFUSED -> {
                if (!(error instanceof MigrateException) || error instanceof MigrationFailedException) {
                    problems.add("expected a refusal (" + expect.why() + "), got " + (error == null ? "success" : error));
                } else if (!error.getMessage().contains(expect.keyword())) {
                    problems.add("the refusal (" + expect.why() + ") does not name '" + expect.keyword() + "': "
                            + error.getMessage());
                } else if (expect.why().contains("confirm") && !(error instanceof ConfirmationRefusedException)) {
                    problems.add("expected ConfirmationRefusedException, got " + error);
                }
            }
            case FAILED -> {
                if (!(error instanceof MigrationFailedException failed) || !failed.migrationId().equals(expect.keyword())) {
                    problems.add("expected migration " + expect.keyword() + " to fail (" + expect.why() + "), got "
                            + (error == null ? "success" : error));
                }
            }
            default -> {
            }
        }
        Model after = expect.after();
        Set<String> actual = new TreeSet<>(rows.keySet());
        Set<String> wanted = new TreeSet<>(after.records.keySet());
        actual.removeAll(expect.dontCare());
        wanted.removeAll(expect.dontCare());
        if (!actual.equals(wanted)) {
            problems.add("DATABASECHANGELOG records " + actual + ", the model expects " + wanted);
        }
        after.records.forEach((id, rec) -> {
            Row row = rows.get(id);
            if (row != null && rec.declared() != "MARK_RAN".equals(row.execType()) && !expect.dontCare().contains(id)) {
                problems.add(id + " is recorded as " + row.execType() + ", the model expects "
                        + (rec.declared() ? "MARK_RAN (declared, not run here)" : "EXECUTED (ran here)"));
            }
        });
        if (!tables.equals(after.tables)) {
            problems.add("tables " + tables + ", the model expects " + after.tables);
        }
        if (!expect.smAllowed().contains(sm)) {
            problems.add("schema_migrations is " + sm.map(String::valueOf).orElse("none") + ", the model expects "
                    + expect.smAllowed().stream().map(v -> v.map(String::valueOf).orElse("none")).toList());
        }
    }

    /**
     * status must not count a failed (dirty) migration as applied: pending lists every file not recorded under its
     * own name (a renamed applied file is pending and reported as drift, never taken as applied).
     */
    private void status(Model before, StatusReport report) {
        DatasourceStatus status = report.datasources().get(0);
        if (before.dirty() != status.dirty()) {
            problems.add("status says dirty=" + status.dirty() + ", schema_migrations says " + before.sm);
        }
        boolean adoptionPending = !before.dirty() && before.goVersion() != before.maxRecorded()
                && before.unknownGoVersion().isEmpty();
        List<String> pending = before.files.values().stream().map(MigrationFile::id)
                .filter(id -> !before.records.containsKey(id)).toList();
        if (!adoptionPending && !status.pending().equals(pending)) {
            problems.add("status lists pending " + status.pending() + ", the model expects " + pending);
        }
    }

    /** The model takes what the database holds (equal to the expectation where it was exact). */
    private void resync(Expect expect, Map<String, Row> rows, Set<String> tables, Optional<Version> sm) {
        Model m = world.model;
        Model after = expect.after() == null ? m : expect.after();
        Map<String, Model.Rec> previous = Map.copyOf(m.records);
        m.records.clear();
        rows.values().forEach(row -> {
            Model.Rec known = after.records.getOrDefault(row.id(), previous.get(row.id()));
            int rev = known != null ? known.rev() : m.fileOf(row.id()).map(MigrationFile::rev).orElse(0);
            m.records.put(row.id(), new Model.Rec(Model.versionOf(row.id()), rev, "MARK_RAN".equals(row.execType())));
        });
        m.sm = sm;
        m.tables.clear();
        m.tables.addAll(tables);
        if (after != m) {
            m.orphans.clear();
            m.orphans.addAll(after.orphans);
            m.userDeclared.clear();
            m.userDeclared.addAll(after.userDeclared);
        }
        m.orphans.retainAll(tables);
        m.userDeclared.retainAll(m.records.keySet());
    }

    private static String diff(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        StringBuilder diff = new StringBuilder();
        a.stream().filter(l -> !b.contains(l)).forEach(l -> diff.append("      - ").append(l).append('\n'));
        b.stream().filter(l -> !a.contains(l)).forEach(l -> diff.append("      + ").append(l).append('\n'));
        return diff.toString();
    }
}
