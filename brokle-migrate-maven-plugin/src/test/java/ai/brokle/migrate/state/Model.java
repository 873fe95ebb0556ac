package ai.brokle.migrate.state;

import ai.brokle.migrate.state.Db.Version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the test believes about one try's database and project: the migration files on disk, the migrations this
 * plugin has recorded (and how), golang-migrate's {@code schema_migrations}, and which tables exist. Plain data: the
 * rules live in {@link PluginRules}, the Go CLI in {@link GoMigrate}.
 */
final class Model {

    /** A DATABASECHANGELOG record the plugin should hold. {@code declared}: recorded without running (MARK_RAN). */
    record Rec(long version, int rev, boolean declared) {
    }

    final boolean transactional;
    final TreeMap<Long, MigrationFile> files = new TreeMap<>();
    final TreeMap<String, Rec> records = new TreeMap<>();
    Optional<Version> sm = Optional.empty();
    final Set<String> tables = new TreeSet<>();
    /** Tables whose migration a user (force, the Go CLI) declared not applied although the table stayed. */
    final Set<String> orphans = new TreeSet<>();
    /** Records whose tie to their table a user broke (the Go CLI forced a version): exempt from invariant (a). */
    final Set<String> userDeclared = new TreeSet<>();
    /** Every migration id ever written in this try, to its table (a rename keeps the table). */
    final Map<String, String> tableOf = new HashMap<>();
    int created;

    Model(boolean transactional) {
        this.transactional = transactional;
    }

    Model copy() {
        Model copy = new Model(transactional);
        copy.files.putAll(files);
        copy.records.putAll(records);
        copy.sm = sm;
        copy.tables.addAll(tables);
        copy.orphans.addAll(orphans);
        copy.userDeclared.addAll(userDeclared);
        copy.tableOf.putAll(tableOf);
        copy.created = created;
        return copy;
    }

    static long versionOf(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('_')));
    }

    boolean dirty() {
        return sm.map(Version::dirty).orElse(false);
    }

    /** golang-migrate's version as the plugin reads it: 0 when nothing is applied. */
    long goVersion() {
        return sm.map(Version::version).filter(v -> v >= 0).orElse(0L);
    }

    Set<Long> recordedVersions() {
        Set<Long> versions = new HashSet<>();
        records.keySet().forEach(id -> versions.add(versionOf(id)));
        return versions;
    }

    long maxRecorded() {
        return records.keySet().stream().map(Model::versionOf).max(Comparator.naturalOrder()).orElse(0L);
    }

    /** Files whose version is not recorded under any name, oldest first. */
    List<MigrationFile> pending() {
        Set<Long> recorded = recordedVersions();
        return files.values().stream().filter(f -> !recorded.contains(f.version())).toList();
    }

    Optional<MigrationFile> fileOf(String id) {
        MigrationFile file = files.get(versionOf(id));
        return file != null && file.id().equals(id) ? Optional.of(file) : Optional.empty();
    }

    /** Recorded migrations whose file is gone (deleted or renamed) or was edited after it was recorded. */
    List<String> drift() {
        List<String> drifted = new ArrayList<>();
        records.forEach((id, rec) -> {
            Optional<MigrationFile> file = fileOf(id);
            if (file.isEmpty() || file.get().rev() != rec.rev()) {
                drifted.add(id);
            }
        });
        return drifted;
    }

    /** golang-migrate's version when neither a file nor a record has it: not adopted, goals refuse but force. */
    Optional<String> unknownGoVersion() {
        long go = goVersion();
        boolean unknown = sm.isPresent() && !dirty() && go > 0 && !files.containsKey(go)
                && !recordedVersions().contains(go);
        return unknown ? Optional.of("version " + go) : Optional.empty();
    }

    /** What golang-migrate should say after a successful goal: the highest recorded version, clean. */
    Optional<Version> cleanVersion() {
        return records.isEmpty() ? Optional.empty() : Optional.of(new Version(maxRecorded(), false));
    }

    void record(MigrationFile file, boolean declared) {
        records.put(file.id(), new Rec(file.version(), file.rev(), declared));
    }

    void unrecord(String id) {
        records.remove(id);
        userDeclared.remove(id);
    }

    /** After a declaration: every existing table no record explains is an orphan the user accepted. */
    void orphanUnexplainedTables() {
        Set<String> explained = new HashSet<>();
        records.keySet().forEach(id -> explained.add(tableOf.get(id)));
        tables.stream().filter(t -> !explained.contains(t)).forEach(orphans::add);
    }

    @Override
    public String toString() {
        return "files " + files.values() + ", records " + records.keySet() + ", schema_migrations "
                + sm.map(String::valueOf).orElse("none") + ", tables " + tables;
    }
}
