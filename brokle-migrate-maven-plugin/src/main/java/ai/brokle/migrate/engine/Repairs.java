package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.config.MigrateConfig;

import java.sql.SQLException;
import java.util.List;

/** The destructive goals that wipe a database or its lock: drop, reset, unlock. Each asks for confirmation. */
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
                throw target.failure((recreate ? "reset" : "drop") + " failed: ", e, true);
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
                throw target.failure("unlock failed: ", e, false);
            }
        }
    }

    /** The database's message may echo a URL or credentials: message and kept cause are masked. */
}
