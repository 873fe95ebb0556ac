package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.dialect.MigrationLock;
import ai.brokle.migrate.liquibase.AppliedChangeSet;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.state.SchemaVersion;
import ai.brokle.migrate.liquibase.ChangeLogException;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An open target made ready for a state-changing goal: the migration lock is held (except in dry runs), the
 * tracking tables exist, the applied set has been read once, and DATABASECHANGELOG agrees with golang-migrate's
 * {@code schema_migrations} (a database migrated or rolled back by the Go CLI is adopted here).
 */
final class PreparedTarget implements AutoCloseable {

    final Target target;
    private final Reporter reporter;
    private final boolean dryRun;
    private final Map<String, AppliedChangeSet> applied = new LinkedHashMap<>();
    private final Map<String, Migration> files = new LinkedHashMap<>();
    private MigrationLock lock;
    private Optional<SchemaVersion> state = Optional.empty();

    private PreparedTarget(Target target, Reporter reporter, boolean dryRun) {
        this.target = target;
        this.reporter = reporter;
        this.dryRun = dryRun;
        target.migrations.forEach(m -> files.put(m.id(), m));
    }

    /**
     * @param allowDirty true for {@code force}, which exists to repair a dirty database
     * @param reconcile  false for {@code force}, which sets the state instead of adopting it
     */
    static PreparedTarget prepare(Target target, Reporter reporter, boolean dryRun, long lockWaitSeconds,
                                  boolean allowDirty, boolean reconcile) {
        PreparedTarget prepared = new PreparedTarget(target, reporter, dryRun);
        try {
            prepared.load(lockWaitSeconds, allowDirty, reconcile);
            return prepared;
        } catch (RuntimeException e) {
            prepared.close();
            throw e;
        }
    }

    private void load(long lockWaitSeconds, boolean allowDirty, boolean reconcile) {
        try {
            boolean tableExisted = target.versionTable().exists();
            List<AppliedChangeSet> rows;
            if (dryRun) {
                rows = target.changeLog().readApplied();
            } else {
                lock = target.dialect.lock(target.connection(), target.config, Duration.ofSeconds(lockWaitSeconds));
                for (String ddl : target.dialect.trackingTablesSql(target.config)) {
                    target.execute(ddl);
                }
                rows = target.changeLog().initAndReadApplied();
            }
            rows.forEach(row -> applied.put(row.id(), row));
            state = target.versionTable().read();
            if (state.isPresent() && state.get().dirty() && !allowDirty) {
                throw new DirtyDatabaseException(target.name(), state.get().version());
            }
            if (!dryRun) {
                target.versionTable().ensureExists();
                target.changeLog().commit();
            }
            if (reconcile) {
                if (tableExisted) {
                    adopt(state.map(SchemaVersion::version));
                } else if (!applied.isEmpty() && !dryRun) {
                    writeVersion(currentVersion());
                    target.changeLog().commit();
                }
            }
        } catch (ChangeLogException | SQLException e) {
            throw new MigrateException("[" + target.name() + "] cannot read the migration state on "
                    + target.displayUrl() + ": " + e.getMessage(), false, e);
        }
    }

    /**
     * Makes DATABASECHANGELOG agree with {@code schema_migrations} when another tool (the Go CLI) moved it: if its
     * version is above the latest recorded one, the migrations in between are recorded as applied without running
     * them; if below, the later records are removed (they were rolled back). When both agree nothing changes, so an
     * older pending migration stays pending (and is reported as out of order).
     */
    private void adopt(Optional<Long> goVersion) throws ChangeLogException, SQLException {
        long version = goVersion.orElse(0L);
        long recorded = currentVersion().orElse(0L);
        if (version == recorded) {
            return;
        }
        List<Migration> toRecord = target.migrations.stream()
                .filter(m -> m.version() > recorded && m.version() <= version && !applied.containsKey(m.id())).toList();
        List<Migration> toUnrecord = target.migrations.stream()
                .filter(m -> m.version() > version && applied.containsKey(m.id())).toList();
        if (toRecord.isEmpty() && toUnrecord.isEmpty()) {
            return;
        }
        reporter.info("[" + target.name() + "] " + target.config.table() + " says version "
                + goVersion.map(String::valueOf).orElse("none") + " (golang-migrate): "
                + (toRecord.isEmpty() ? "" : "recording " + toRecord.size() + " migration(s) as applied without "
                + "running them") + (toRecord.isEmpty() || toUnrecord.isEmpty() ? "" : ", ")
                + (toUnrecord.isEmpty() ? "" : "unrecording " + toUnrecord.size() + " rolled-back migration(s)")
                + (dryRun ? " (dry run: not written)" : ""));
        for (Migration migration : toRecord) {
            if (!dryRun) {
                target.changeLog().markRanWithoutRunning(target.translate(migration));
            }
            applied.put(migration.id(), new AppliedChangeSet(migration.id(), null, null));
        }
        for (Migration migration : toUnrecord) {
            if (!dryRun) {
                target.changeLog().unmarkRan(target.translate(migration));
            }
            applied.remove(migration.id());
        }
        if (!dryRun) {
            target.changeLog().commit();
        }
    }

    /** Applied migrations that still have their files, oldest first. */
    List<Migration> appliedMigrations() {
        return target.migrations.stream().filter(m -> applied.containsKey(m.id())).toList();
    }

    List<Migration> pending() {
        return target.migrations.stream().filter(m -> !applied.containsKey(m.id())).toList();
    }

    Optional<Long> currentVersion() {
        return appliedMigrations().stream().map(Migration::version).max(Comparator.naturalOrder());
    }

    Optional<SchemaVersion> state() {
        return state;
    }

    boolean isApplied(Migration migration) {
        return applied.containsKey(migration.id());
    }

    /** Problems that make {@code up} unsafe: drift, missing files, out-of-order pending migrations. */
    List<String> integrityProblems(boolean ignoreDrift, boolean outOfOrder) {
        List<String> problems = new ArrayList<>();
        if (!ignoreDrift) {
            problems.addAll(Integrity.drift(target, applied, files));
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

    void writeVersion(Optional<Long> version) throws SQLException {
        target.versionTable().write(version.map(v -> new SchemaVersion(v, false)));
    }

    Set<String> appliedIds() {
        return applied.keySet().stream().collect(Collectors.toSet());
    }

    void forget(Migration migration) {
        applied.remove(migration.id());
    }

    void remember(Migration migration) {
        applied.put(migration.id(), new AppliedChangeSet(migration.id(), null, null));
    }

    @Override
    public void close() {
        if (lock != null) {
            try {
                lock.close();
            } catch (SQLException e) {
                reporter.warn("[" + target.name() + "] could not release the migration lock: " + e.getMessage()
                        + " (it is released when the connection closes)");
            }
            lock = null;
        }
    }
}
