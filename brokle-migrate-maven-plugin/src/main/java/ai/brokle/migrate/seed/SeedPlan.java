package ai.brokle.migrate.seed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One datasource's part of a seed set, checked and ready to write: tables in foreign-key order. */
record SeedPlan(List<TablePlan> tables) {

    /** The tables in reverse order: the order to empty them in. */
    List<TablePlan> childrenFirst() {
        List<TablePlan> reversed = new ArrayList<>(tables);
        Collections.reverse(reversed);
        return reversed;
    }

    /** The rows the file gives (a CSV file's rows are counted when they are loaded). */
    int rowCount() {
        return tables.stream().mapToInt(TablePlan::rowCount).sum();
    }

    /**
     * A table's rows, grouped by the columns they give, or the CSV file that holds them ({@code csv} non-null,
     * {@code groups} empty); {@code line} is the table key's line.
     */
    record TablePlan(TableSchema schema, int line, List<RowGroup> groups, CsvFile csv) {

        int rowCount() {
            return groups.stream().mapToInt(g -> g.rows().size()).sum();
        }
    }
}
