package ai.brokle.migrate.state;

import ai.brokle.migrate.state.Db.Version;
import ai.brokle.migrate.state.Expect.Outcome;
import ai.brokle.migrate.state.MigrationFile.Op;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The intended behaviour of each goal (ARCHITECTURE §3, issue 8), computed on a copy of the model. Where issue 8
 * leaves a case open, the reading chosen is written next to the rule; the few cases it does not decide at all are
 * {@link Expect#lenient} (invariants only) or {@code dontCare}.
 */
final class PluginRules {

    private PluginRules() {
    }

    static Expect predict(Goal goal, Model before) {
        if (goal.kind() == Goal.Kind.STATUS) {
            return Expect.unchanged(Outcome.OK, null, before, "status reads only");
        }
        Long version = goal.version();
        if ((goal.kind() == Goal.Kind.GOTO || goal.kind() == Goal.Kind.FORCE) && version != null && version != 0
                && !before.files.containsKey(version)) {
            return Expect.unchanged(Outcome.REFUSED, String.valueOf(version), before, "unknown version " + version);
        }
        if (goal.kind() == Goal.Kind.FORCE) {
            return force(goal, before);
        }
        if (goal.kind() == Goal.Kind.DROP || goal.kind() == Goal.Kind.RESET) {
            return wipe(goal, before);
        }
        if (before.dirty()) {
            return Expect.unchanged(Outcome.REFUSED, "irty", before, "dirty database: only force may run");
        }
        Model m = before.copy();
        if (m.unknownGoVersion().isEmpty() || goal.ignoreDrift()) {
            adopt(m); // ignoreDrift takes an unknown version as the Go CLI's
        }
        return switch (goal.kind()) {
            case UP -> up(goal, before, m, Integer.MAX_VALUE);
            case DOWN -> down(goal, before, m);
            case GOTO -> goTo(goal, before, m);
            case REPAIR -> repair(goal, before, m);
            default -> throw new IllegalArgumentException(goal.toString());
        };
    }

    /**
     * A database moved by the Go CLI is adopted: records above golang-migrate's version count as rolled back, then
     * the files between the highest remaining record and that version count as run by the Go CLI (recorded
     * MARK_RAN). Records of files that are gone count ("every recorded migration").
     */
    static void adopt(Model m) {
        long go = m.goVersion();
        if (go == m.maxRecorded()) {
            return;
        }
        for (String id : List.copyOf(m.records.keySet())) {
            if (Model.versionOf(id) > go) {
                m.unrecord(id);
            }
        }
        long recorded = m.maxRecorded();
        for (MigrationFile file : m.files.subMap(recorded, false, go, true).values()) {
            m.record(file, true);
        }
        m.orphanUnexplainedTables();
    }

    private static Expect up(Goal goal, Model before, Model m, long atMost) {
        if (!goal.ignoreDrift() && !m.drift().isEmpty()) {
            return Expect.unchanged(Outcome.REFUSED, m.drift().get(0), before, "drift " + m.drift());
        }
        if (!goal.ignoreDrift() && m.unknownGoVersion().isPresent()) {
            return Expect.unchanged(Outcome.REFUSED, m.unknownGoVersion().get(), before, "unknown "
                    + m.unknownGoVersion().get());
        }
        if (goal.ignoreDrift() && m.files.values().stream().anyMatch(f -> m.recordedVersions().contains(f.version())
                && !m.records.containsKey(f.id()))) {
            // A file at a version recorded under another name, with ignoreDrift: the brief says only "do not record
            // the new name as applied" (Checker checks that for every goal); whether the rest runs is open.
            return Expect.lenient("ignoreDrift over a version recorded under another name");
        }
        List<MigrationFile> pending = m.pending().stream().filter(f -> f.version() <= atMost).toList();
        long latest = m.maxRecorded();
        if (!goal.outOfOrder()) {
            Optional<MigrationFile> early = pending.stream().filter(f -> f.version() < latest).findFirst();
            if (early.isPresent()) {
                return Expect.unchanged(Outcome.REFUSED, early.get().id(), before, "out of order " + early.get().id());
            }
        }
        // A version recorded under another name (renamed file) is neither run nor recorded, with ignoreDrift too.
        int steps = goal.steps() == null || goal.kind() != Goal.Kind.UP ? Integer.MAX_VALUE : goal.steps();
        List<MigrationFile> run = pending.stream().limit(steps).toList();
        if (goal.dryRun()) {
            return Expect.unchanged(Outcome.OK, null, before, "dry run of up " + ids(run));
        }
        return run(m, run, true, "up " + ids(run));
    }

    private static Expect down(Goal goal, Model before, Model m) {
        int steps = goal.steps() == null ? 1 : Math.abs(goal.steps());
        List<String> newest = m.records.keySet().stream()
                .sorted(Comparator.comparingLong(Model::versionOf).reversed()).limit(steps).toList();
        return rollBack(goal, before, m, newest);
    }

    private static Expect goTo(Goal goal, Model before, Model m) {
        long target = goal.version();
        if (target >= m.maxRecorded()) {
            return up(goal, before, m, target); // an upward goto checks drift and order as up does
        }
        List<String> above = m.records.keySet().stream().filter(id -> Model.versionOf(id) > target)
                .sorted(Comparator.comparingLong(Model::versionOf).reversed()).toList();
        return rollBack(goal, before, m, above);
    }

    /**
     * repair accepts what changed in applied files, as the user confirmed: an edited file's record takes its new
     * checksum (and keeps whether it ran here), a record whose file is gone goes, and a file not applied at its
     * version is recorded under its new name without running (MARK_RAN, declared). golang-migrate's version becomes
     * the highest record. Refused under a version no file or record has.
     */
    private static Expect repair(Goal goal, Model before, Model m) {
        if (m.unknownGoVersion().isPresent()) {
            return Expect.unchanged(Outcome.REFUSED, m.unknownGoVersion().get(), before, "repair under an unknown "
                    + m.unknownGoVersion().get());
        }
        Map<String, Model.Rec> records = Map.copyOf(m.records);
        boolean changes = false;
        for (Map.Entry<String, Model.Rec> record : records.entrySet()) {
            String id = record.getKey();
            Optional<MigrationFile> file = m.fileOf(id);
            if (file.isPresent()) {
                if (file.get().rev() != record.getValue().rev()) {
                    m.records.put(id, new Model.Rec(record.getValue().version(), file.get().rev(),
                            record.getValue().declared()));
                    changes = true;
                }
                continue;
            }
            m.unrecord(id);
            changes = true;
            MigrationFile successor = m.files.get(Model.versionOf(id));
            if (successor != null && !records.containsKey(successor.id())) {
                m.record(successor, true);
                m.userDeclared.add(successor.id());
            }
        }
        if (!changes) {
            return goal.dryRun() ? Expect.unchanged(Outcome.OK, null, before, "dry run, nothing to repair")
                    : Expect.ok(m, "repair: nothing to repair"); // an adoption is still written
        }
        if (goal.dryRun()) {
            return Expect.unchanged(Outcome.OK, null, before, "dry run of repair");
        }
        if (!goal.confirmed()) {
            return Expect.unchanged(Outcome.REFUSED, goal.answer() == Goal.Answer.PROMPT_NO ? "ancel" : "confirm=yes",
                    before, "repair not confirmed");
        }
        m.sm = m.cleanVersion();
        m.orphanUnexplainedTables();
        return Expect.ok(m, "repair");
    }

    private static Expect rollBack(Goal goal, Model before, Model m, List<String> newestFirst) {
        Optional<String> unknown = m.unknownGoVersion();
        if (unknown.isPresent()) {
            return Expect.unchanged(Outcome.REFUSED, unknown.get(), before, "roll back under an unknown " + unknown.get());
        }
        if (newestFirst.isEmpty()) {
            return goal.dryRun() ? Expect.unchanged(Outcome.OK, null, before, "dry run, nothing to roll back")
                    : Expect.ok(m, "nothing to roll back");
        }
        // every record of a version rolled back goes with it; one without its file has no down SQL: refused before
        // a dry run or a confirmation, nothing written
        Set<Long> versions = new HashSet<>();
        newestFirst.forEach(id -> versions.add(Model.versionOf(id)));
        Optional<String> withoutFile = m.records.keySet().stream()
                .filter(id -> versions.contains(Model.versionOf(id)) && m.fileOf(id).isEmpty())
                .max(Comparator.comparingLong(Model::versionOf)); // the newest is named, as it is reached first
        if (withoutFile.isPresent()) {
            return Expect.unchanged(Outcome.REFUSED, withoutFile.get(), before, "roll back " + withoutFile.get()
                    + " without its file");
        }
        if (goal.dryRun()) {
            return Expect.unchanged(Outcome.OK, null, before, "dry run of down " + newestFirst);
        }
        if (!goal.confirmed()) {
            // the refusal must name how to confirm ("confirm=yes") or that the user cancelled
            return Expect.unchanged(Outcome.REFUSED, goal.answer() == Goal.Answer.PROMPT_NO ? "ancel" : "confirm=yes",
                    before, "not confirmed");
        }
        return run(m, newestFirst.stream().map(id -> m.fileOf(id).orElseThrow()).toList(), false,
                "down " + newestFirst);
    }

    /**
     * force V declares exactly the files up to V applied (MARK_RAN) and the later ones not; no SQL runs. On a clean
     * database golang-migrate's moves are adopted first, so a migration the Go CLI rolled back is declared MARK_RAN.
     * "Exactly": records above V go, also those whose file is gone; a file-less record at or below V is not decided
     * by issue 8 (dontCare).
     */
    private static Expect force(Goal goal, Model before) {
        if (!goal.confirmed()) {
            return Expect.unchanged(Outcome.REFUSED, goal.answer() == Goal.Answer.PROMPT_NO ? "ancel" : "confirm=yes",
                    before, "force not confirmed");
        }
        long target = goal.version();
        Model m = before.copy();
        if (!m.dirty() && m.unknownGoVersion().isEmpty()) {
            adopt(m); // a clean database moved by the Go CLI is adopted first: what it rolled back is declared anew
        }
        Set<String> dontCare = new HashSet<>();
        for (String id : List.copyOf(m.records.keySet())) {
            if (Model.versionOf(id) > target) {
                m.unrecord(id);
            } else if (m.fileOf(id).isEmpty()) {
                dontCare.add(id);
            }
        }
        for (MigrationFile file : m.files.headMap(target, true).values()) {
            if (!m.records.containsKey(file.id())) {
                m.record(file, true);
            }
        }
        m.sm = target == 0 ? Optional.empty() : Optional.of(new Version(target, false));
        // every record up to V is now the user's declaration, whatever ran before (the Go CLI may have undone it)
        m.records.keySet().stream().filter(id -> Model.versionOf(id) <= target).forEach(m.userDeclared::add);
        m.orphanUnexplainedTables();
        return Expect.ok(m, "force " + target).withDontCare(dontCare);
    }

    /**
     * drop and reset, once confirmed, leave nothing: no migration table, no record, no {@code schema_migrations}
     * (also on a dirty database or under a version no file has, as golang-migrate's drop). The files stay.
     */
    private static Expect wipe(Goal goal, Model before) {
        if (!goal.confirmed()) {
            return Expect.unchanged(Outcome.REFUSED, goal.answer() == Goal.Answer.PROMPT_NO ? "ancel" : "confirm=yes",
                    before, goal.kind().name().toLowerCase() + " not confirmed");
        }
        Model m = before.copy();
        m.records.clear();
        m.userDeclared.clear();
        m.tables.clear();
        m.orphans.clear();
        m.sm = Optional.empty();
        return Expect.ok(m, goal.kind().name().toLowerCase() + ": everything dropped");
    }

    /**
     * Runs migrations on the model, one at a time, with the dirty protocol: in a transaction (PostgreSQL without
     * {@code notransaction}) a failure leaves no trace; outside one, the target version is marked dirty first (up: the
     * migration's version; down: the highest version that stays applied, -1 for none) and stays dirty on failure.
     */
    private static Expect run(Model m, List<MigrationFile> files, boolean up, String why) {
        for (MigrationFile file : files) {
            boolean inTransaction = m.transactional && !file.noTransaction();
            long highestOther = m.records.keySet().stream().filter(id -> !id.equals(file.id()))
                    .map(Model::versionOf).max(Comparator.naturalOrder()).orElse(-1L);
            List<Optional<Version>> dirtyAllowed = new ArrayList<>();
            if (up) {
                dirtyAllowed.add(Optional.of(new Version(file.version(), true)));
                if (highestOther > file.version()) {
                    // out of order: issue 8 does not say which "target" to mark; the migration's or the highest
                    dirtyAllowed.add(Optional.of(new Version(highestOther, true)));
                }
            } else {
                dirtyAllowed.add(Optional.of(new Version(highestOther, true)));
            }
            Set<String> tablesBefore = Set.copyOf(m.tables);
            if (!execute(m, file, up)) {
                if (inTransaction) {
                    m.tables.clear();
                    m.tables.addAll(tablesBefore);
                    return new Expect(Outcome.FAILED, false, file.id(), m, Set.of(), List.of(m.sm),
                            why + ": " + file.id() + " fails in its transaction");
                }
                m.sm = dirtyAllowed.get(0);
                return new Expect(Outcome.FAILED, false, file.id(), m, Set.of(), dirtyAllowed,
                        why + ": " + file.id() + " fails outside a transaction");
            }
            if (up) {
                m.record(file, false);
            } else {
                m.unrecord(file.id());
            }
            m.sm = m.cleanVersion();
        }
        return Expect.ok(m, why);
    }

    /** The model's SQL: CREATE fails on an existing table, DROP on a missing one, FAIL always. */
    static boolean execute(Model m, MigrationFile file, boolean up) {
        for (Op op : file.ops(up)) {
            switch (op) {
                case CREATE -> {
                    if (!m.tables.add(file.table())) {
                        return false;
                    }
                    m.orphans.remove(file.table());
                }
                case DROP -> {
                    if (!m.tables.remove(file.table())) {
                        return false;
                    }
                    m.orphans.remove(file.table());
                }
                case FAIL -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> ids(List<MigrationFile> files) {
        return files.stream().map(MigrationFile::id).toList();
    }
}
