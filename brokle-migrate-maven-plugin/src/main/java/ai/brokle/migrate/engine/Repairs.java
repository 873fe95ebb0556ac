package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.config.SecretMasker;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.liquibase.ChangeLogException;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The destructive goals that repair or wipe a database: force, drop, reset, unlock. Each asks for confirmation. */
public final class Repairs {

    private final MigrateConfig config;
    private final Reporter reporter;
    private final Confirmation confirmation;
    private final Migrator migrator;

    Repairs(MigrateConfig config, Reporter reporter, Confirmation confirmation, Migrator migrator) {
        this.config = config;
        this.reporter = reporter;
        this.confirmation = confirmation;
        this.migrator = migrator;
    }

    /**
     * Declares the database to be at {@code version} (clean), without running anything: migrations up to it are
     * recorded as applied, later ones unrecorded. This is the recovery from a dirty database.
     */
    public void force() {
        long version = migrator.requireVersion("force");
        for (Target target : migrator.loadSingleTarget("force")) {
            Migrator.requireKnownVersion(target, version);
            try (target; PreparedTarget prepared = PreparedTarget.prepare(target.open(config.workDir(), reporter),
                    reporter, false, config.lockWaitSeconds(), true, false)) {
                confirmation.require("FORCE migration to version " + version + " (DANGEROUS) on " + target.name()
                        + " (" + target.displayUrl() + "): no SQL runs, only the records change");
                int recorded = 0;
                int unrecorded = 0;
                for (Migration migration : target.migrations) {
                    boolean wanted = migration.version() <= version;
                    if (wanted && !prepared.isApplied(migration)) {
                        target.changeLog().markRanWithoutRunning(target.translate(migration));
                        recorded++;
                    } else if (!wanted && prepared.isApplied(migration)) {
                        target.changeLog().unmarkRan(target.translate(migration));
                        unrecorded++;
                    }
                }
                prepared.writeVersion(version == 0 ? Optional.empty() : Optional.of(version));
                target.changeLog().commit();
                new FailureNote(config.workDir(), target.name()).clear();
                reporter.info("[" + target.name() + "] forced to version " + version + " (clean): " + recorded
                        + " migration(s) recorded as applied, " + unrecorded + " unrecorded; no SQL was run");
            } catch (ChangeLogException | SQLException e) {
                throw failure(target, "force failed: ", e, false);
            }
        }
    }

    /** Drops every object of each selected datasource (ClickHouse first). */
    public void drop() {
        wipe("DROP ALL TABLES (PERMANENT DATA LOSS)", false);
    }

    /** Drops and recreates the schema (PostgreSQL) or drops every table (ClickHouse). */
    public void reset() {
        wipe("COMPLETE SCHEMA RESET (drops ALL objects including types, sequences, functions)", true);
    }

    private void wipe(String action, boolean recreate) {
        List<Target> targets = migrator.loadTargets(true);
        for (Target target : targets) {
            try (target) {
                target.open(config.workDir(), reporter);
                String database = target.dialect.databaseName(target.connection());
                confirmation.require(action + " in " + target.name() + " database " + database + " ("
                        + target.displayUrl() + ")");
                if (recreate) {
                    target.dialect.reset(target.connection());
                } else {
                    target.dialect.dropAll(target.connection());
                }
                reporter.info("[" + target.name() + "] " + (recreate ? "reset" : "dropped everything in") + " "
                        + database);
            } catch (SQLException e) {
                throw failure(target, (recreate ? "reset" : "drop") + " failed: ", e, true);
            }
        }
    }

    /** Releases a migration lock left by a process that was killed. */
    public void unlock() {
        for (Target target : migrator.loadTargets(false)) {
            try (target) {
                target.open(config.workDir(), reporter);
                List<String> holders = target.dialect.lockHolders(target.connection(), target.config);
                if (holders.isEmpty()) {
                    reporter.info("[" + target.name() + "] no change: the migration lock is free");
                    continue;
                }
                confirmation.require("release the migration lock on " + target.name() + " held by "
                        + String.join(", ", holders) + " — only if that process is gone");
                int released = target.dialect.releaseStaleLocks(target.connection(), target.config);
                reporter.info("[" + target.name() + "] released " + released + " lock(s)");
            } catch (SQLException e) {
                throw failure(target, "unlock failed: ", e, false);
            }
        }
    }

    /** The database's message may echo a URL or credentials: message and kept cause are masked. */
    private static MigrateException failure(Target target, String what, Exception e, boolean userError) {
        return new MigrateException("[" + target.name() + "] " + what
                + SecretMasker.maskAll(e.getMessage(), target.config.secrets()), userError,
                SecretMasker.maskedCopy(e, target.config.secrets()));
    }
}
