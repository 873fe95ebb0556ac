package ai.brokle.migrate.liquibase;

import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.sql.SqlStatement;
import liquibase.changelog.ChangeSet;

import java.util.List;

/** A migration with its Liquibase changeset and its split statements (change i = up statement i). */
public record TranslatedMigration(Migration migration, ChangeSet changeSet, List<SqlStatement> up,
                                  List<SqlStatement> down) {

    /** The MD5SUM Liquibase records for this changeset. */
    public String checksum() {
        return changeSet.generateCheckSum(liquibase.ChecksumVersion.latest()).toString();
    }
}
