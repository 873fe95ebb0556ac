package ai.brokle.migrate.state;

import java.util.ArrayList;
import java.util.List;

/**
 * One generated migration on disk. Its up creates exactly one table (named after the migration, unique in the try,
 * kept across renames) and its down drops it, so what ran can be read from the database. A migration may fail at a
 * seeded point: {@code failUp}/{@code failDown} = -1 never, 0 before its table statement, 1 after it.
 *
 * @param rev edits of the file so far; part of the text, so an edit changes the checksum
 */
record MigrationFile(long version, String name, String table, int rev, int failUp, int failDown,
                     boolean noTransaction) {

    /** A statement of the model's tiny SQL language. */
    enum Op { CREATE, DROP, FAIL }

    String id() {
        return String.format("%06d_%s", version, name);
    }

    boolean failing() {
        return failUp >= 0 || failDown >= 0;
    }

    List<Op> ops(boolean up) {
        int fail = up ? failUp : failDown;
        List<Op> ops = new ArrayList<>();
        if (fail == 0) {
            ops.add(Op.FAIL);
        }
        ops.add(up ? Op.CREATE : Op.DROP);
        if (fail == 1) {
            ops.add(Op.FAIL);
        }
        return ops;
    }

    String sql(Db db, boolean up) {
        StringBuilder sql = new StringBuilder();
        if (noTransaction) {
            sql.append("-- +migrate notransaction\n");
        }
        sql.append("-- ").append(id()).append(" rev ").append(rev).append('\n');
        for (Op op : ops(up)) {
            sql.append(switch (op) {
                case CREATE -> db.createTable(table);
                case DROP -> "DROP TABLE " + table;
                case FAIL -> db.failingStatement();
            }).append(";\n");
        }
        if (rev > 0) {
            // an edit changes a statement: a comment alone is not a change of the migration (its checksum is over statements)
            sql.append("SELECT ").append(rev).append(";\n");
        }
        return sql.toString();
    }

    MigrationFile renamed(String newName) {
        return new MigrationFile(version, newName, table, rev, failUp, failDown, noTransaction);
    }

    /** The user fixes the file: same table, no seeded failure, new text. */
    MigrationFile edited() {
        return new MigrationFile(version, name, table, rev + 1, -1, -1, noTransaction);
    }

    @Override
    public String toString() {
        return id() + "(" + table + (noTransaction ? ", notx" : "") + (failUp >= 0 ? ", up fails@" + failUp : "")
                + (failDown >= 0 ? ", down fails@" + failDown : "") + (rev > 0 ? ", rev " + rev : "") + ")";
    }
}
