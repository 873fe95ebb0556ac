package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.dialect.Dialects;
import ai.brokle.migrate.liquibase.AppliedChangeSet;
import ai.brokle.migrate.liquibase.ChangeLogSession;
import ai.brokle.migrate.liquibase.ChangeSetTranslator;
import ai.brokle.migrate.liquibase.TranslatedMigration;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.source.MigrationDirectory;
import ai.brokle.migrate.state.SchemaVersion;
import liquibase.exception.DatabaseException;
import liquibase.exception.LockException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The engine's entry point: one call per goal. Owns ordering, the datasource order (up: PostgreSQL then ClickHouse;
 * down: the reverse), confirmations, "no change" outcomes and the dirty check.
 */
public final class Migrator {

    static final long DEFAULT_LOCK_WAIT_SECONDS = 300;

    private final MigrateConfig config;
    private final Reporter reporter;
    private final Confirmer confirmer;

    public Migrator(MigrateConfig config, Reporter reporter, Confirmer confirmer) {
        this.config = config;
        this.reporter = reporter;
        this.confirmer = confirmer;
    }

    /** Applies pending migrations (at most {@code steps}) on every selected datasource. */
    public RunResult up() {
        int steps = config.steps() == null ? Integer.MAX_VALUE : config.steps();
        if (steps <= 0) {
            throw new MigrateException("brokle.migrate.steps=" + steps + " applies nothing. Give a positive count, "
                    + "e.g. -Dbrokle.migrate.steps=2, or leave it out to apply all pending migrations.");
        }
        List<AppliedMigration> done = new ArrayList<>();
        for (Target target : loadTargets(config.datasources())) {
            try (target) {
                done.addAll(upOne(target.open(config.workDir(), reporter), steps));
            }
        }
        return new RunResult(done, config.dryRun());
    }

    /** Rolls back the last {@code steps} (default 1) applied migrations: ClickHouse first, then PostgreSQL. */
    public RunResult down() {
        int steps = config.steps() == null ? 1 : Math.abs(config.steps());
        if (steps == 0) {
            throw new MigrateException("brokle.migrate.steps=0 rolls back nothing. Give a count, e.g. "
                    + "-Dbrokle.migrate.steps=1.");
        }
        List<Target> targets = loadTargets(config.datasources());
        Collections.reverse(targets);
        List<AppliedMigration> done = new ArrayList<>();
        for (Target target : targets) {
            try (target) {
                done.addAll(downOne(target.open(config.workDir(), reporter), steps));
            }
        }
        return new RunResult(done, config.dryRun());
    }

    public StatusReport status() {
        return new StatusInspector(config, reporter).inspect();
    }

    /** Resolved configuration and versions, then the same health as {@link #status()}. */
    public InfoReport info() {
        List<String> lines = new ArrayList<>();
        lines.add("brokle-migrate-maven-plugin " + Versions.plugin() + ", Liquibase "
                + ChangeLogSession.liquibaseVersion() + ", Java " + System.getProperty("java.version"));
        lines.add("project: " + config.baseDir());
        for (DatasourceConfig datasource : config.datasources()) {
            lines.add("[" + datasource.name() + "] url: " + datasource.displayUrl());
            lines.add("[" + datasource.name() + "] migrations: " + datasource.dir());
            lines.add("[" + datasource.name() + "] version table: " + datasource.table()
                    + ", changelog: DATABASECHANGELOG as " + ChangeSetTranslator.logicalPath(datasource.name()));
            lines.add("[" + datasource.name() + "] driver: " + Dialects.of(datasource.name()).describeDriver());
            if (datasource.cluster() != null) {
                lines.add("[" + datasource.name() + "] cluster: " + datasource.cluster());
            }
        }
        config.notes().forEach(note -> lines.add("note: " + note));
        return new InfoReport(lines, status());
    }

    /**
     * Writes the next migration pair for the selected datasource ({@code db=all} means PostgreSQL). Needs no
     * database.
     */
    public List<Path> create(Clock clock) {
        DatasourceConfig datasource = config.datasources().get(0);
        return new MigrationCreator(clock).create(datasource, Dialects.of(datasource.name()), config.name());
    }

    /** Loads and validates the migration files of every configured datasource before anything connects. */
    private List<Target> loadTargets(List<DatasourceConfig> datasources) {
        List<Target> targets = new ArrayList<>();
        List<String> unconfigured = new ArrayList<>();
        for (DatasourceConfig datasource : datasources) {
            if (!datasource.configured()) {
                unconfigured.add(datasource.name());
                continue;
            }
            targets.add(new Target(datasource, Dialects.of(datasource.name()),
                    MigrationDirectory.load(datasource.dir())));
        }
        for (String name : unconfigured) {
            if (!config.db().equals("all")) {
                throw new MigrateException(name + " is not configured. Set brokle.migrate." + name + ".url (or the "
                        + name.toUpperCase().replace("POSTGRES", "DATABASE") + "_URL environment variable), e.g. "
                        + "-Dbrokle.migrate." + name + ".url=" + exampleUrl(name));
            }
            reporter.info("[" + name + "] not configured, skipped (set brokle.migrate." + name + ".url to use it)");
        }
        return targets;
    }

    private static String exampleUrl(String datasource) {
        return datasource.equals("clickhouse") ? "clickhouse://user:pass@localhost:9000/default"
                : "postgres://user:pass@localhost:5432/brokle?sslmode=disable";
    }

    private List<AppliedMigration> upOne(Target target, int steps) {
        Map<String, AppliedChangeSet> applied = prepare(target);
        List<Migration> pending = target.migrations.stream().filter(m -> !applied.containsKey(m.id()))
                .limit(steps).toList();
        List<AppliedMigration> done = new ArrayList<>();
        try {
            if (pending.isEmpty()) {
                reporter.info("[" + target.name() + "] no change: all " + target.migrations.size()
                        + " migrations are applied (" + target.displayUrl() + ")");
                return done;
            }
            reporter.info("[" + target.name() + "] " + (config.dryRun() ? "dry run: would apply " : "applying ")
                    + pending.size() + " migration(s) on " + target.displayUrl());
            MigrationRunner runner = new MigrationRunner(target);
            for (Migration migration : pending) {
                TranslatedMigration translated = target.translate(migration);
                long start = System.nanoTime();
                if (config.dryRun()) {
                    printPlan(target, migration, runner.plannedSql(translated, true, Optional.of(migration.version())));
                } else {
                    runner.apply(translated);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (!config.dryRun()) {
                    reporter.info("[" + target.name() + "] applied " + migration.id() + " (" + millis + " ms)");
                }
                done.add(new AppliedMigration(target.name(), migration.id(), migration.version(), millis));
            }
            return done;
        } finally {
            release(target);
        }
    }

    private List<AppliedMigration> downOne(Target target, int steps) {
        Map<String, AppliedChangeSet> applied = prepare(target);
        Map<String, Migration> byId = target.migrations.stream()
                .collect(Collectors.toMap(Migration::id, Function.identity()));
        List<Migration> appliedMigrations = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : applied.keySet()) {
            if (byId.containsKey(id)) {
                appliedMigrations.add(byId.get(id));
            } else {
                missing.add(id);
            }
        }
        List<AppliedMigration> done = new ArrayList<>();
        try {
            appliedMigrations.sort((a, b) -> Long.compare(b.version(), a.version()));
            List<Migration> toUndo = appliedMigrations.subList(0, Math.min(steps, appliedMigrations.size()));
            if (!missing.isEmpty() && (toUndo.isEmpty() || missing.stream().anyMatch(id ->
                    versionOf(id) > toUndo.get(toUndo.size() - 1).version()))) {
                throw new MigrateException("[" + target.name() + "] applied migration(s) " + missing + " have no "
                        + "file in " + target.config.dir() + ", so they cannot be rolled back. Restore the files "
                        + "(git checkout), then run down again.");
            }
            if (toUndo.isEmpty()) {
                reporter.info("[" + target.name() + "] no change: nothing is applied (" + target.displayUrl() + ")");
                return done;
            }
            String ids = toUndo.stream().map(Migration::id).collect(Collectors.joining(", "));
            if (!config.dryRun()) {
                confirm("rollback " + toUndo.size() + " migration(s) on " + target.name() + " ("
                        + target.displayUrl() + "): " + ids);
            }
            MigrationRunner runner = new MigrationRunner(target);
            for (int i = 0; i < toUndo.size(); i++) {
                Migration migration = toUndo.get(i);
                Optional<Long> previous = i + 1 < appliedMigrations.size()
                        ? Optional.of(appliedMigrations.get(i + 1).version()) : Optional.empty();
                TranslatedMigration translated = target.translate(migration);
                long start = System.nanoTime();
                if (config.dryRun()) {
                    printPlan(target, migration, runner.plannedSql(translated, false, previous));
                } else {
                    if (!migration.hasDown()) {
                        reporter.warn("[" + target.name() + "] " + migration.id() + " has no down SQL: only its "
                                + "record is removed");
                    }
                    runner.rollback(translated, previous);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (!config.dryRun()) {
                    reporter.info("[" + target.name() + "] rolled back " + migration.id() + " (" + millis + " ms)");
                }
                done.add(new AppliedMigration(target.name(), migration.id(), migration.version(), millis));
            }
            return done;
        } finally {
            release(target);
        }
    }

    private static long versionOf(String id) {
        try {
            return Long.parseLong(id.substring(0, id.indexOf('_')));
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Takes the lock (not in dry runs), creates the tracking tables, refuses a dirty database and reads the applied
     * set once.
     */
    private Map<String, AppliedChangeSet> prepare(Target target) {
        try {
            Optional<SchemaVersion> state = target.versionTable().read();
            if (state.isPresent() && state.get().dirty()) {
                throw new DirtyDatabaseException(target.name(), state.get().version());
            }
            List<AppliedChangeSet> rows;
            if (config.dryRun()) {
                rows = target.changeLog().readApplied();
            } else {
                target.changeLog().lock(DEFAULT_LOCK_WAIT_SECONDS);
                rows = target.changeLog().initAndReadApplied();
                target.versionTable().ensureExists();
                target.changeLog().commit();
            }
            Map<String, AppliedChangeSet> applied = new HashMap<>();
            for (AppliedChangeSet row : rows) {
                applied.put(row.id(), row);
            }
            return applied;
        } catch (LockException e) {
            throw new MigrateException("[" + target.name() + "] could not get the migration lock within "
                    + DEFAULT_LOCK_WAIT_SECONDS + " s: " + e.getMessage() + ". Another migration may be running; "
                    + "check with mvn brokle-migrate:status.", true, e);
        } catch (DatabaseException | SQLException e) {
            throw new MigrateException("[" + target.name() + "] cannot read the migration state: " + e.getMessage(),
                    false, e);
        }
    }

    private void release(Target target) {
        if (config.dryRun()) {
            return;
        }
        try {
            target.changeLog().unlock();
        } catch (LockException e) {
            reporter.warn("[" + target.name() + "] could not release the migration lock: " + e.getMessage());
        }
    }

    private void printPlan(Target target, Migration migration, List<String> sql) {
        reporter.info("[" + target.name() + "] -- " + migration.id());
        for (String statement : sql) {
            reporter.info(statement.endsWith(";") || statement.startsWith("--") ? statement : statement + ";");
        }
    }

    private void confirm(String action) {
        if (config.confirmed()) {
            return;
        }
        switch (confirmer.confirm(action)) {
            case CONFIRMED -> {
            }
            case DECLINED -> throw new ConfirmationRefusedException("Cancelled: " + action
                    + ". Nothing was changed.");
            default -> throw new ConfirmationRefusedException("Refusing to " + action + " without confirmation "
                    + "(batch mode or no console). Nothing was changed. To confirm, re-run with "
                    + "-Dbrokle.migrate.confirm=yes");
        }
    }

    static Set<String> ids(List<AppliedChangeSet> rows) {
        return rows.stream().map(AppliedChangeSet::id).collect(Collectors.toSet());
    }
}
