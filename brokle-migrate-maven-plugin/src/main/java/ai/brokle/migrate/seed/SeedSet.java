package ai.brokle.migrate.seed;

import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed seed file: for each datasource, its tables in file order. Top-level tables belong to the default
 * datasource (PostgreSQL); a top-level key naming another datasource ({@code clickhouse:}) holds that one's tables.
 * Values stay SnakeYAML nodes (text, resolved tag, line) until the column types convert them.
 *
 * @param file the file as it is shown in messages (relative to the project when possible)
 */
public record SeedSet(String file, Map<String, List<SeedTable>> sections) {

    public List<SeedTable> tables(String datasource) {
        return sections.getOrDefault(datasource, List.of());
    }

    /** The rows the file itself holds (rows of CSV files are counted when they are loaded). */
    public int rowCount(String datasource) {
        return tables(datasource).stream().mapToInt(t -> t.rows().size()).sum();
    }

    /**
     * One table's rows as written in the file, or the CSV file that holds them ({@code csv} non-null, rows empty).
     * {@code line} is the table key's line.
     */
    public record SeedTable(String name, int line, List<SeedRow> rows, CsvSource csv) {

        public SeedTable(String name, int line, List<SeedRow> rows) {
            this(name, line, rows, null);
        }
    }

    /** One row: column → value, in file order. {@code line} is the line of the row's first key. */
    public record SeedRow(int line, List<Cell> cells) {
    }

    /** One {@code column: value} pair; {@code line} is the key's line. */
    public record Cell(String key, int line, Node value) {
    }

    /**
     * A table entry {@code events: {csv: seeds/events.csv}}.
     *
     * @param path  the file, resolved against the project directory
     * @param shown the path as written, for messages
     */
    public record CsvSource(Path path, String shown) {
    }
}
