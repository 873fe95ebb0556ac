package ai.brokle.migrate.liquibase;

import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.sql.StatementSplitter;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;

import java.util.List;

/**
 * Translates a migration into a Liquibase changeset: id = file stem, a fixed author, a fixed logical path per
 * datasource (so moving the directory keeps identity), one raw-SQL change per statement of the up SQL, and the
 * statements of the down SQL as its rollback.
 */
public final class ChangeSetTranslator {

    public static final String AUTHOR = "brokle-migrate";

    private final DatabaseChangeLog changeLog;
    private final StatementSplitter splitter;

    public ChangeSetTranslator(String datasource, StatementSplitter splitter) {
        this.changeLog = new DatabaseChangeLog(logicalPath(datasource));
        this.changeLog.setLogicalFilePath(logicalPath(datasource));
        this.splitter = splitter;
    }

    /** The FILENAME under which this datasource's migrations are recorded in DATABASECHANGELOG. */
    public static String logicalPath(String datasource) {
        return "brokle-migrate/" + datasource;
    }

    public TranslatedMigration translate(Migration migration) {
        ChangeSet changeSet = new ChangeSet(migration.id(), AUTHOR, false, false, changeLog.getFilePath(), null,
                null, migration.transactional(), changeLog);
        List<SqlStatement> up = splitter.split(migration.upSql());
        List<SqlStatement> down = splitter.split(migration.downSql());
        for (SqlStatement statement : up) {
            changeSet.addChange(rawSql(statement));
        }
        for (SqlStatement statement : down) {
            changeSet.addRollbackChange(rawSql(statement));
        }
        return new TranslatedMigration(migration, changeSet, up, down);
    }

    private static RawSQLChange rawSql(SqlStatement statement) {
        RawSQLChange change = new RawSQLChange(statement.sql());
        change.setSplitStatements(false);
        change.setStripComments(false);
        return change;
    }
}
