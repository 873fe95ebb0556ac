package ai.brokle.migrate.engine;

import ai.brokle.migrate.liquibase.AppliedChangeSet;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.state.SchemaVersion;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explains a dirty {@code schema_migrations}. golang-migrate (and this plugin) mark the <em>target</em> version dirty
 * while a migration runs outside a transaction: {@code V} for an up of V, the previous version for a down. Read
 * against DATABASECHANGELOG, the flag says which migration failed whenever the records were in step before it;
 * otherwise (another tool moved several versions) both readings are given, with how to tell them apart.
 */
final class DirtyState {

    private DirtyState() {
    }

    /**
     * @param headline how the message starts, given the dirty version as text and the failed statement (if this
     *                 machine saw it) as " (failed in ...)" or ""
     */
    static String explain(String datasource, SchemaVersion dirty, Map<String, AppliedChangeSet> recorded,
                          List<Migration> migrations, FailureNote note,
                          java.util.function.BiFunction<String, String, String> headline) {
        long v = dirty.version();
        long latest = recorded.keySet().stream().mapToLong(Records::version).max().orElse(0);
        long belowLatest = recorded.keySet().stream().mapToLong(Records::version).filter(x -> x < latest).max()
                .orElse(0);
        boolean vRecorded = recorded.keySet().stream().anyMatch(id -> Records.version(id) == v);
        String failed = note.statementFor(v).map(s -> " (failed in " + s + ")").orElse("");
        String head = headline.apply(dirty.nil() ? "-1 (none)" : String.valueOf(v), failed);
        if (!dirty.nil() && !vRecorded && v > latest && has(migrations, v)) {
            return head + "the up of migration " + v + " failed part-way and the database may hold part of it. "
                    + "Undo what it applied, then run: " + force(datasource, latest) + " (then up runs it again); "
                    + "or finish it by hand and run: " + force(datasource, v);
        }
        if (latest > Math.max(v, 0) && Math.max(v, 0) == belowLatest) {
            return head + "the down of migration " + latest + " failed part-way and the database may hold part of "
                    + "it. Finish undoing it by hand, then run: " + force(datasource, Math.max(v, 0))
                    + "; or restore what its down removed and run: " + force(datasource, latest);
        }
        Optional<Long> above = migrations.stream().map(Migration::version).filter(x -> x > v).min(Long::compare);
        return head + "another tool left it, so either the up of migration " + v + " failed (then " + v + "'s "
                + "objects are partly there: undo them and force the version before it) or a down to " + v
                + " failed (then migration " + above.map(String::valueOf).orElse("above " + v) + " is partly undone: "
                + "finish its down and run " + force(datasource, Math.max(v, 0)) + "). Look for the objects of "
                + "both migrations to tell which, repair by hand, then force the version that matches the schema.";
    }

    private static boolean has(List<Migration> migrations, long version) {
        return migrations.stream().anyMatch(m -> m.version() == version);
    }

    private static String force(String datasource, long version) {
        return "mvn brokle-migrate:force -Dbrokle.migrate.db=" + datasource + " -Dbrokle.migrate.version=" + version;
    }
}
