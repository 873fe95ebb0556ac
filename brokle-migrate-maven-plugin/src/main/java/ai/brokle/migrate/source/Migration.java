package ai.brokle.migrate.source;

import java.nio.file.Path;

/**
 * One migration: a version, a name, the SQL to apply it and the SQL to undo it.
 *
 * @param version     64-bit version from the file name
 * @param id          the file stem, e.g. {@code 000042_add_feature_table}: the migration's identity
 * @param upSql       SQL that applies the migration
 * @param downSql     SQL that undoes it; blank means "nothing to undo"
 * @param upFile      the file holding the up SQL
 * @param downFile    the file holding the down SQL (same as {@code upFile} for section files), or null
 * @param transactional false when the file opts out of a transaction ({@code -- +migrate notransaction})
 */
public record Migration(long version, String id, String upSql, String downSql, Path upFile, Path downFile,
                        boolean transactional) {

    public String name() {
        return id.substring(id.indexOf('_') + 1);
    }
}
