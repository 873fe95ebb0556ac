package ai.brokle.migrate.state;

import ai.brokle.migrate.engine.Confirmer;
import ai.brokle.migrate.engine.StatusReport;
import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.testing.TestMigrators;
import ai.brokle.migrate.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One try: a fresh database, a project directory with its migration files, the model, and the steps taken so far.
 * Every step goes through here, and every plugin goal is checked by {@link Checker} right after it ran.
 */
final class World implements AutoCloseable {

    private static final List<World> OPEN = new ArrayList<>();

    private final Supplier<Db> database;
    /** Opened on the first step: jqwik builds chains (and their start states) before it runs them. */
    Db db;
    /** Set when {@link #closeAll} dropped the database: a world is never run twice. */
    private boolean closed;
    Path project;
    Path dir;
    final Model model;
    GoMigrate go;
    final List<String> log = new ArrayList<>();
    final List<String> steps = new ArrayList<>();

    private World(Supplier<Db> database, boolean transactional) {
        this.database = database;
        model = new Model(transactional);
    }

    /** A new world per try (and per shrinking attempt); {@link #closeAll} drops its database after the try. */
    static World start(Supplier<Db> database, boolean transactional) {
        return new World(database, transactional);
    }

    /** Called by every step before it touches the database or the files. */
    World open() {
        if (closed) {
            throw new IllegalStateException("this try's world was closed after an earlier try (" + db.url
                    + "): a chain must start from a new World");
        }
        if (db == null) {
            db = database.get();
            try {
                project = Files.createTempDirectory("brokle-prop");
                dir = Files.createDirectories(project.resolve("migrations"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            go = new GoMigrate(db, dir);
            synchronized (World.class) {
                OPEN.add(this);
            }
        }
        return this;
    }

    static synchronized void closeAll() {
        // only worlds that ran: a chain built for shrinking but not run yet opens its own database when it runs
        OPEN.forEach(World::close);
        OPEN.clear();
    }

    // ---- file changes ------------------------------------------------------------------------------------------

    void addFile(long version, int failUp, int failDown, boolean noTransaction) {
        String table = Db.TABLE_PREFIX + (++model.created);
        MigrationFile file = new MigrationFile(version, "t" + model.created, table, 0, failUp, failDown,
                noTransaction && db instanceof PostgresDb);
        put(file);
        step("add file " + file);
    }

    void rename(long version) {
        MigrationFile old = model.files.get(version);
        MigrationFile renamed = old.renamed(old.name() + "r");
        delete(old);
        put(renamed);
        step("rename " + old.id() + " to " + renamed.id());
    }

    /** Delete a file and add another one with the same version (a different table): a replaced file. */
    void replace(long version) {
        MigrationFile old = model.files.get(version);
        delete(old);
        String table = Db.TABLE_PREFIX + (++model.created);
        MigrationFile replacement = new MigrationFile(version, "t" + model.created, table, 0, -1, -1, false);
        put(replacement);
        step("replace " + old.id() + " by " + replacement);
    }

    void deleteFile(long version) {
        MigrationFile old = model.files.get(version);
        delete(old);
        step("delete " + old.id());
    }

    void edit(long version) {
        MigrationFile edited = model.files.get(version).edited();
        put(edited);
        step("edit " + edited);
    }

    private void put(MigrationFile file) {
        model.files.put(file.version(), file);
        model.tableOf.put(file.id(), file.table());
        try {
            Files.writeString(dir.resolve(file.id() + ".up.sql"), file.sql(db, true));
            Files.writeString(dir.resolve(file.id() + ".down.sql"), file.sql(db, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(MigrationFile file) {
        model.files.remove(file.version());
        try {
            Files.delete(dir.resolve(file.id() + ".up.sql"));
            Files.delete(dir.resolve(file.id() + ".down.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the Go CLI --------------------------------------------------------------------------------------------

    void goCli(String command, GoCommand run) {
        String said;
        try {
            said = run.run(go);
            Db.Version before = model.sm.orElse(null);
            Set<String> tablesBefore = Set.copyOf(model.tables);
            model.sm = db.schemaMigrations();
            model.tables.clear();
            model.tables.addAll(db.migrationTables());
            // the Go CLI undid a recorded migration: if its version comes back before the plugin runs (down, then up
            // of a replaced file), nothing tells the plugin, so the record's tie to its table is broken as by a force
            // (where the version stays below, the model's adoption still expects the record to go)
            model.records.keySet().stream().filter(id -> tablesBefore.contains(model.tableOf.get(id))
                    && !model.tables.contains(model.tableOf.get(id))).forEach(model.userDeclared::add);
            model.orphans.retainAll(model.tables);
            // a version the Go CLI rolled back with another file than a recorded one (replaced, renamed) leaves that
            // record's table; adoption drops the record (golang-migrate's version is below it), as the Go CLI said
            long go = model.goVersion();
            model.records.keySet().stream().filter(id -> Model.versionOf(id) > go
                    && model.tables.contains(model.tableOf.get(id))).forEach(id -> model.orphans.add(model.tableOf.get(id)));
            if (command.startsWith("force")) {
                // the user declared a version: records and tables may now disagree, as the user said
                model.userDeclared.addAll(model.records.keySet());
                long v = model.goVersion();
                model.tables.stream().filter(t -> versionOfTable(t) > v).forEach(model.orphans::add);
            }
            step("go run cmd/migrate/main.go " + command + " -> " + said + " (schema_migrations was "
                    + before + ", now " + model.sm.map(String::valueOf).orElse("none") + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("the Go CLI simulator could not reach the database", e);
        }
    }

    interface GoCommand {
        String run(GoMigrate go) throws SQLException;
    }

    long versionOfTable(String table) {
        return model.tableOf.entrySet().stream().filter(e -> e.getValue().equals(table))
                .map(e -> Model.versionOf(e.getKey())).min(Comparator.naturalOrder()).orElse(Long.MAX_VALUE);
    }

    // ---- plugin goals ------------------------------------------------------------------------------------------

    void plugin(Goal goal) {
        Model before = model.copy();
        Expect expect = PluginRules.predict(goal, before);
        String dumpBefore;
        try {
            dumpBefore = db.dump();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        log.clear();
        Throwable error = null;
        StatusReport status = null;
        TestMigrator migrator = migrator(goal);
        try {
            switch (goal.kind()) {
                case UP -> migrator.up();
                case DOWN -> migrator.down();
                case GOTO -> migrator.goTo();
                case FORCE -> migrator.force();
                case REPAIR -> migrator.repair();
                case STATUS -> status = migrator.status();
                case DROP -> migrator.repairs().drop();
                case RESET -> migrator.repairs().reset();
            }
        } catch (RuntimeException e) {
            error = e;
        }
        step(goal + " -> " + (error == null ? "ok" : error.getClass().getSimpleName() + ": "
                + String.valueOf(error.getMessage()).lines().findFirst().orElse("")) + "   [model: " + expect.why() + "]");
        new Checker(this).check(goal, expect, before, dumpBefore, error, status);
    }

    TestMigrator migrator(Goal goal) {
        String ds = db.datasource();
        Map<String, String> properties = new HashMap<>();
        properties.put("brokle.migrate.db", ds);
        properties.put("brokle.migrate." + ds + ".url", db.url);
        properties.put("brokle.migrate." + ds + ".dir", dir.toString());
        if (db instanceof PostgresDb) {
            properties.put("brokle.migrate.postgres.username", TestPostgres.USER);
        }
        goal.options().forEach((k, v) -> properties.put("brokle.migrate." + k, v));
        Confirmer confirmer = action -> switch (goal.answer()) {
            case PROMPT_YES -> Confirmer.Decision.CONFIRMED;
            case PROMPT_NO -> Confirmer.Decision.DECLINED;
            default -> Confirmer.Decision.NO_CONSOLE;
        };
        return TestMigrators.build(project, properties, log, confirmer);
    }

    void step(String description) {
        steps.add(description);
    }

    String history() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            text.append(String.format("  %3d. %s%n", i + 1, steps.get(i)));
        }
        return text.toString();
    }

    @Override
    public void close() {
        closed = true;
        db.close();
        try (Stream<Path> files = Files.walk(project)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    @Override
    public String toString() {
        return (db == null ? "(not run)" : db.datasource() + " try: ") + model;
    }
}
