package ai.brokle.migrate.seed;

import java.util.List;

/**
 * One datasource's part of a seed set, checked and ready to write: tables in foreign-key order.
 *
 * @param written true when the planner handed every row to a writer as it went (see {@link SeedPlanner})
 */
record SeedPlan(List<TablePlan> tables, boolean written) {

    SeedPlan(List<TablePlan> tables) {
        this(tables, false);
    }

    /** The tables in reverse order: the order to empty them in. */
    List<TablePlan> childrenFirst() {
        List<TablePlan> reversed = new java.util.ArrayList<>(tables);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /**
     * A table's rows, grouped by the columns they give; {@code line} is the table key's line. When the planner
     * handed the rows to a writer as it went, {@code groups} is empty and only {@code rowCount} remains.
     */
    record TablePlan(TableSchema schema, int line, List<RowGroup> groups, int rowCount) {

        TablePlan(TableSchema schema, int line, List<RowGroup> groups) {
            this(schema, line, groups, groups.stream().mapToInt(g -> g.rows().size()).sum());
        }
    }
}
