package ai.brokle.migrate.seed;

import java.util.List;
import java.util.Map;

/**
 * A parsed seed file: for each datasource, its tables in file order. Top-level tables belong to the default
 * datasource (PostgreSQL); a top-level key naming another datasource ({@code clickhouse:}) holds that one's tables.
 *
 * @param file the file as it is shown in messages (relative to the project when possible)
 */
public record SeedSet(String file, Map<String, List<SeedTable>> sections) {

    public List<SeedTable> tables(String datasource) {
        return sections.getOrDefault(datasource, List.of());
    }

    public int rowCount(String datasource) {
        return tables(datasource).stream().mapToInt(t -> t.rows().size()).sum();
    }

    /** One table's rows as written in the file. {@code line} is the table key's line. */
    public record SeedTable(String name, int line, List<SeedRow> rows) {
    }

    /** One row: column → value, in file order. {@code line} is the line of the row's first key. */
    public record SeedRow(int line, List<YamlNode.Entry> cells) {
    }
}
