package ai.brokle.migrate.engine;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.dialect.MigrationLock;
import ai.brokle.migrate.liquibase.AppliedChangeSet;
import ai.brokle.migrate.liquibase.ChangeLogException;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.state.SchemaVersion;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migration state of one open target, read once: DATABASECHANGELOG's records, golang-migrate's
 * {@code schema_migrations}, and what they mean together. When {@code schema_migrations} moved without this plugin
 * (the Go CLI migrated or rolled back), its moves are adopted in memory; {@link #persist()} writes them.
 *
 * <p>Goals read the state twice: first without a lock and without writing, to plan, preview and ask for
 * confirmation; then again under the migration lock, to check the plan still holds and to act. A refused or
 * previewed goal therefore changes nothing, and no lock is held while a prompt waits.
 */
final class PreparedTarget implements AutoCloseable {

    final Target target;
    private final Reporter reporter;
    private final Map<String, AppliedChangeSet> recorded = new LinkedHashMap<>();
    private final Map<String, AppliedChangeSet> applied = new LinkedHashMap<>();
    private final List<Migration> adoptedAsApplied = new ArrayList<>();
    private final List<String> adoptedAsRolledBack = new ArrayList<>();
    private Optional<SchemaVersion> state = Optional.empty();
    /** {@link #currentVersion()} of {@code applied}; null when it must be computed again. */
    private Optional<Long> current;
    private boolean versionTableExisted;
    /** Why golang-migrate's version is not adopted (no file and no record has it), if so. */
    private Optional<String> unknownGoVersion = Optional.empty();
    private MigrationLock lock;

    private PreparedTarget(Target target, Reporter reporter) {
        this.target = target;
        this.reporter = reporter;
    }

    /** Reads the state without a lock and without writing anything. */
    static PreparedTarget read(Target target, Reporter reporter) {
        PreparedTarget prepared = new PreparedTarget(target, reporter);
        prepared.guarded(() -> {
            prepared.load();
            target.changeLog().rollback();
        });
        return prepared;
    }

    /** Takes the migration lock (waiting at most {@code lockWaitSeconds}), then reads the state. */
    static PreparedTarget lock(Target target, Reporter reporter, long lockWaitSeconds) {
        PreparedTarget prepared = new PreparedTarget(target, reporter);
        prepared.guarded(() -> {
            prepared.lock = target.dialect.lock(target.connection(), target.config,
                    Duration.ofSeconds(lockWaitSeconds));
            prepared.load();
        });
        return prepared;
    }

    private interface StateWork {
        void run() throws ChangeLogException, SQLException;
    }

    private void guarded(StateWork work) {
        try {
            work.run();
        } catch (ChangeLogException | SQLException e) {
            close();
            throw target.failure("cannot read the migration state on " + target.displayUrl() + ": ", e,
                    InternalFailure::new);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void load() throws ChangeLogException, SQLException {
        versionTableExisted = target.versionTable().exists();
        target.changeLog().readApplied().forEach(row -> recorded.put(row.id(), row));
        applied.putAll(recorded);
        current = null;
        state = target.versionTable().read();
        if (versionTableExisted && !dirty()) {
            long goVersion = state.map(SchemaVersion::version).orElse(0L);
            unknownGoVersion = Integrity.unknownGoVersion(target, goVersion, recorded);
            if (unknownGoVersion.isEmpty()) {
                adopt(goVersion);
            }
        }
    }

    /**
     * Takes golang-migrate's version as the Go CLI's even though no file or record has it ({@code ignoreDrift}): the
     * adoption {@link #load} left out.
     */
    void adoptUnknownGoVersion() {
        if (unknownGoVersion.isPresent()) {
            adopt(state.orElseThrow().version());
        }
    }

    /**
     * Adopts golang-migrate's version when another tool moved it: records above it count as rolled back, and the
     * files between the highest remaining record and it count as applied (the Go CLI ran them). Records whose file
     * is gone still count, so a renamed or replaced file is never taken for one the Go CLI ran.
     */
    private void adopt(long goVersion) {
        if (goVersion == currentVersion().orElse(0L)) {
            return;
        }
        for (String id : List.copyOf(applied.keySet())) {
            if (Records.version(id) > goVersion) {
                adoptedAsRolledBack.add(id);
                applied.remove(id);
            }
        }
        current = null;
        long latest = currentVersion().orElse(0L);
        for (Migration migration : target.migrations) {
            if (migration.version() > latest && migration.version() <= goVersion && !applied.containsKey(migration.id())) {
                adoptedAsApplied.add(migration);
                applied.put(migration.id(), new AppliedChangeSet(migration.id(), null, null, false));
            }
        }
        current = null;
    }

    /**
     * Creates the tracking tables when missing and writes what was adopted; under the lock only, after the plan
     * was confirmed.
     */
    void persist() {
        if (lock == null) {
            throw new IllegalStateException("persist() needs the migration lock");
        }
        guarded(() -> {
            for (String ddl : target.dialect.trackingTablesSql(target.config)) {
                target.execute(ddl);
            }
            target.changeLog().initAndReadApplied();
            target.versionTable().ensureExists();
            target.changeLog().commit();
            reportAdoption("");
            for (Migration migration : adoptedAsApplied) {
                target.changeLog().markRanWithoutRunning(target.translate(migration));
            }
            for (String id : adoptedAsRolledBack) {
                target.changeLog().unmarkRan(id);
            }
            if (!versionTableExisted && !applied.isEmpty()) {
                writeVersion(currentVersion());
            }
            target.changeLog().commit();
        });
    }

    /** True when golang-migrate's version moved without this plugin and the records must follow it. */
    boolean adopts() {
        return !adoptedAsApplied.isEmpty() || !adoptedAsRolledBack.isEmpty();
    }

    /** One line saying what was adopted from golang-migrate's version, if anything. */
    void reportAdoption(String suffix) {
        if (adoptedAsApplied.isEmpty() && adoptedAsRolledBack.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!adoptedAsApplied.isEmpty()) {
            parts.add("recording " + adoptedAsApplied.size() + " migration(s) as applied without running them");
        }
        if (!adoptedAsRolledBack.isEmpty()) {
            parts.add("unrecording " + adoptedAsRolledBack.size() + " rolled-back migration(s)");
        }
        reporter.info("[" + target.name() + "] " + target.config.table() + " says version "
                + state.map(s -> String.valueOf(s.version())).orElse("none") + " (golang-migrate): "
                + String.join(", ", parts) + suffix);
    }

    /** Applied migrations that still have their files, oldest first. */
    List<Migration> appliedMigrations() {
        return target.migrations.stream().filter(m -> applied.containsKey(m.id())).toList();
    }

    List<Migration> pending() {
        return target.migrations.stream().filter(m -> !applied.containsKey(m.id())).toList();
    }

    /** The highest applied version, counting records whose file is gone: what golang-migrate's version means. */
    Optional<Long> currentVersion() {
        if (current == null) {
            current = applied.keySet().stream().map(Records::version).max(Long::compare);
        }
        return current;
    }

    /** Ids of every applied migration, with or without its file, oldest (lowest version) first. */
    List<String> appliedIds() {
        return applied.keySet().stream().sorted(Records.BY_VERSION).toList();
    }

    Optional<SchemaVersion> state() {
        return state;
    }

    boolean dirty() {
        return state.map(SchemaVersion::dirty).orElse(false);
    }

    /** @throws DirtyDatabaseException when a migration failed part-way and nothing may run */
    void requireClean() {
        if (dirty()) {
            throw new DirtyDatabaseException(explainDirty((version, failed) -> "Dirty database version " + version
                    + " on " + target.name() + failed + ": "));
        }
    }

    /** What the dirty flag means here and the exact recovery, as status shows it. */
    String dirtyExplanation() {
        return explainDirty((version, failed) -> "dirty at version " + version + failed + ": ");
    }

    private String explainDirty(java.util.function.BiFunction<String, String, String> headline) {
        return DirtyState.explain(target.name(), state.orElseThrow(), recorded, target.migrations,
                new FailureNote(target.workDir(), target.name()), headline);
    }

    /** DATABASECHANGELOG's own records, before adoption: what force and repair change. */
    Map<String, AppliedChangeSet> recorded() {
        return recorded;
    }

    boolean isApplied(Migration migration) {
        return applied.containsKey(migration.id());
    }

    /** Problems that make {@code up} unsafe: drift, missing or renamed files, out-of-order pending migrations. */
    List<String> integrityProblems(boolean ignoreDrift, boolean outOfOrder) {
        List<String> problems = new ArrayList<>();
        if (!ignoreDrift) {
            problems.addAll(Integrity.drift(target, applied));
            unknownGoVersion.ifPresent(problem -> problems.add(problem + ", or for this run only take it as the Go "
                    + "CLI's version with -Dbrokle.migrate.ignoreDrift=true."));
        }
        if (!outOfOrder) {
            Optional<Long> latest = currentVersion();
            List<String> early = pending().stream().filter(m -> latest.isPresent() && m.version() < latest.get())
                    .map(Migration::id).toList();
            if (!early.isEmpty()) {
                problems.add("pending migration(s) older than the latest applied one (" + latest.get() + "): "
                        + String.join(", ", early) + ". Apply them anyway with -Dbrokle.migrate.outOfOrder=true, "
                        + "or give them new versions.");
            }
        }
        return problems;
    }

    /** @throws GoalRefusedException when no file and no record has golang-migrate's version */
    void requireKnownGoVersion(String goal) {
        unknownGoVersion.ifPresent(problem -> {
            throw new GoalRefusedException("[" + target.name() + "] " + goal + " refused, nothing was changed: "
                    + problem + ".");
        });
    }

    void writeVersion(Optional<Long> version) throws SQLException {
        target.versionTable().write(version.map(v -> new SchemaVersion(v, false)));
    }

    void forget(Migration migration) {
        forgetId(migration.id());
    }

    void forgetId(String id) {
        if (applied.remove(id) != null && current != null && current.get() == Records.version(id)) {
            current = null;
        }
    }

    /** Counts the migration as applied; the current version follows without a scan of every record. */
    void remember(Migration migration, boolean ranHere) {
        applied.put(migration.id(), new AppliedChangeSet(migration.id(), null, null, ranHere));
        if (current != null) {
            current = Optional.of(Math.max(migration.version(), current.orElse(migration.version())));
        }
    }

    @Override
    public void close() {
        if (lock != null) {
            try {
                lock.close();
            } catch (SQLException e) {
                reporter.warn("[" + target.name() + "] could not release the migration lock: " + e.getMessage()
                        + (target.dialect.facts().locksOutliveTheirHolder()
                        ? ". It stays until removed: status shows its "
                        + "holder, and mvn brokle-migrate:unlock -Dbrokle.migrate.db=" + target.name()
                        + " -Dbrokle.migrate.holder=<id> removes it" : " (it is released when the connection closes)"));
            }
            lock = null;
        }
    }
}
