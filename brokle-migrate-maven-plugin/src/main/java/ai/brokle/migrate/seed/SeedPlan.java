package ai.brokle.migrate.seed;

import java.util.List;

/** One datasource's part of a seed set, checked and ready to write: tables in foreign-key order. */
record SeedPlan(List<TablePlan> tables) {

    /** The tables in reverse order: the order to empty them in. */
    List<TablePlan> childrenFirst() {
        List<TablePlan> reversed = new java.util.ArrayList<>(tables);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** A table's rows, grouped by the columns they give; {@code line} is the table key's line. */
    record TablePlan(TableSchema schema, int line, List<RowGroup> groups) {

        int rowCount() {
            return groups.stream().mapToInt(g -> g.rows().size()).sum();
        }
    }
}
