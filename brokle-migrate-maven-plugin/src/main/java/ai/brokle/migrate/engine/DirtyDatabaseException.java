package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;

/** A previous migration failed half-way; nothing runs until the user repairs the database and forces the version. */
public class DirtyDatabaseException extends MigrateException {

    public DirtyDatabaseException(String datasource, long version) {
        super("Dirty database version " + version + " on " + datasource + ": a migration failed part-way and the "
                + "database may hold part of it. Repair the schema by hand (finish or undo migration " + version
                + "), then run: mvn brokle-migrate:force -Dbrokle.migrate.db=" + datasource
                + " -Dbrokle.migrate.version=<the last fully applied version>");
    }
}
