package ai.brokle.migrate.seed;

import java.util.List;

/**
 * What a seed run did, per table in the order written.
 *
 * @param skipped one line per datasource whose part of the file was not loaded, and why
 */
public record SeedResult(String file, boolean dryRun, boolean reset, List<TableResult> tables, List<String> skipped) {

    /**
     * @param rows    rows the file gives for the table
     * @param deleted rows deleted by reset (-1 when the database does not say)
     */
    public record TableResult(String datasource, String table, int rows, long inserted, long updated,
                              long unchanged, long deleted) {
    }

    public long inserted() {
        return tables.stream().mapToLong(TableResult::inserted).sum();
    }

    public long updated() {
        return tables.stream().mapToLong(TableResult::updated).sum();
    }

    public long unchanged() {
        return tables.stream().mapToLong(TableResult::unchanged).sum();
    }

    public int rows() {
        return tables.stream().mapToInt(TableResult::rows).sum();
    }
}
