package ai.brokle.migrate.engine;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.dialect.LockHolder;
import ai.brokle.migrate.dialect.MigrationLock;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/** The destructive goals that wipe a database or its lock: drop, reset, unlock. Each asks for confirmation. */
public final class Repairs {

    private final Targets targets;
    private final Confirmer confirmer;

    Repairs(Targets targets, Confirmer confirmer) {
        this.targets = targets;
        this.confirmer = confirmer;
    }

    /** Drops every object of each selected datasource (ClickHouse first). */
    public void drop(WipeRequest request) {
        wipe(request, "DROP ALL TABLES (PERMANENT DATA LOSS)", false);
    }

    /** Drops and recreates the schema (PostgreSQL) or drops every table (ClickHouse). */
    public void reset(WipeRequest request) {
        wipe(request, "COMPLETE SCHEMA RESET (drops ALL objects including types, sequences, functions)", true);
    }

    /** Confirmed first, then under the migration lock, so nothing is dropped under a running migration. */
    private void wipe(WipeRequest request, String action, boolean recreate) {
        Reporter reporter = targets.reporter();
        Confirmation confirmation = new Confirmation(request.confirmed(), confirmer);
        for (Target target : targets.load(true)) {
            try (target) {
                targets.open(target);
                String database = target.dialect.databaseName(target.connection());
                confirmation.require(action + " in " + target.name() + " database " + database + " ("
                        + target.displayUrl() + ")");
                try (MigrationLock lock = target.dialect.lock(target.connection(), target.config,
                        Duration.ofSeconds(request.lockWaitSeconds()))) {
                    if (recreate) {
                        target.dialect.reset(target.connection(), target.config);
                    } else {
                        target.dialect.dropAll(target.connection(), target.config);
                    }
                }
                reporter.info("[" + target.name() + "] " + (recreate ? "reset" : "dropped everything in") + " "
                        + database);
            } catch (SQLException e) {
                throw target.failure((recreate ? "reset" : "drop") + " failed: ", e, DatabaseRefusedException::new);
            }
        }
    }

    /**
     * Removes a migration lock left by a process that was killed: only the holder named by {@code holder}, never one
     * whose process is alive on this host, and only if that holder still holds it after the confirmation.
     */
    public void unlock(UnlockRequest request) {
        Reporter reporter = targets.reporter();
        Confirmation confirmation = new Confirmation(request.confirmed(), confirmer);
        for (Target target : targets.load(false)) {
            try (target) {
                targets.open(target);
                Optional<LockHolder> holder = currentHolder(target);
                if (holder.isEmpty()) {
                    reporter.info("[" + target.name() + "] no change: the migration lock is free");
                    continue;
                }
                if (!target.dialect.facts().locksOutliveTheirHolder()) {
                    reporter.info("[" + target.name() + "] no change: the migration lock is held by "
                            + holder.get().describe() + ", a live session; it is released when that session ends");
                    continue;
                }
                requireRemovable(target, holder.get(), request.holder());
                confirmation.require("remove the migration lock on " + target.name() + " held by "
                        + holder.get().describe() + " — only if that process is gone");
                Optional<LockHolder> now = currentHolder(target);
                boolean same = now.isPresent() && now.get().id().equals(holder.get().id());
                if (!same || !target.dialect.releaseLock(target.connection(), target.config, holder.get().id())) {
                    reporter.info("[" + target.name() + "] no change: " + holder.get().id() + " no longer holds the "
                            + "migration lock (" + now.filter(h -> !h.id().equals(holder.get().id()))
                            .map(h -> "now held by " + h.describe()).orElse("it is free") + ")");
                    continue;
                }
                reporter.info("[" + target.name() + "] released the migration lock of " + holder.get().describe());
            } catch (SQLException e) {
                throw target.failure("unlock failed: ", e, InternalFailure::new);
            }
        }
    }

    private static Optional<LockHolder> currentHolder(Target target) throws SQLException {
        return target.dialect.lockHolders(target.connection(), target.config).stream().findFirst();
    }

    private static void requireRemovable(Target target, LockHolder holder, String named) {
        if (holder.isAliveOnThisHost()) {
            throw new LockNotRemovableException("[" + target.name() + "] the migration lock is held by "
                    + holder.describe() + ", whose process is alive on this host: that run is still going. Wait for "
                    + "it to finish; unlock only removes the lock of a process that is gone.");
        }
        if (!holder.id().equals(named)) {
            throw new LockNotRemovableException("[" + target.name() + "] the migration lock is held by "
                    + holder.describe() + (named == null ? "" : ", not by " + named)
                    + ". unlock removes a lock only by its holder's id, so a migration still running elsewhere is "
                    + "not removed by accident. If that process is gone, run: mvn brokle-migrate:unlock "
                    + "-Dbrokle.migrate.db=" + target.name() + " -Dbrokle.migrate.holder=" + holder.id());
        }
    }
}
