package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.SeedSet.Cell;
import ai.brokle.migrate.seed.SeedSet.SeedRow;
import ai.brokle.migrate.seed.SeedSet.SeedTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed files: structure, the line of every key, YAML features, and errors that name file, line and key. */
class SeedFileParserTest {

    private final SeedFileParser parser = new SeedFileParser("postgres", Set.of("clickhouse"), Path.of("/project"));

    private SeedSet parse(String yaml) {
        return parser.parse(yaml, "seeds/x.yaml");
    }

    private InvalidSeedException error(String yaml) {
        return assertThrows(InvalidSeedException.class, () -> parse(yaml));
    }

    @Test
    void tablesRowsAndKeysKeepFileOrderAndLines() {
        SeedSet set = parse("""
                # comment
                projects:
                  - id: p1
                    name: "Production API"
                organizations:
                  - id: o1
                  - id: o2
                    slug: acme
                """);
        List<SeedTable> tables = set.tables("postgres");
        assertEquals(List.of("projects", "organizations"), tables.stream().map(SeedTable::name).toList());
        assertEquals(2, tables.get(0).line());
        assertEquals(5, tables.get(1).line());
        SeedRow second = tables.get(1).rows().get(1);
        assertEquals(7, second.line());
        assertEquals(List.of("id", "slug"), second.cells().stream().map(Cell::key).toList());
        assertEquals(8, second.cells().get(1).line());
        assertEquals(3, set.rowCount("postgres"));
    }

    @Test
    void theClickHouseSectionHoldsClickHouseTables() {
        SeedSet set = parse("""
                users:
                  - id: u1
                clickhouse:
                  traces:
                    - id: t1
                    - id: t2
                """);
        assertEquals(List.of("users"), set.tables("postgres").stream().map(SeedTable::name).toList());
        assertEquals(List.of("traces"), set.tables("clickhouse").stream().map(SeedTable::name).toList());
        assertEquals(2, set.rowCount("clickhouse"));
        assertEquals(4, set.tables("clickhouse").get(0).line());
    }

    @Test
    void scalarsKeepTheirTextAndKnowWhatYamlWouldMakeOfThem() {
        List<Cell> cells = parse("""
                t:
                  - zip: 49007
                    version: 1.10
                    quoted: "42"
                    flag: yes
                    none: null
                    empty:
                    tilde: ~
                    when: 2024-01-15T10:00:00Z
                    text: O'Brien; DROP TABLE users; --
                    typed: !!str 12
                """).tables("postgres").get(0).rows().get(0).cells();
        ScalarNode zip = (ScalarNode) cells.get(0).value();
        assertEquals("49007", zip.getValue());
        assertEquals(Tag.INT, zip.getTag());
        assertEquals("1.10", text(cells.get(1).value()), "no float rounding: 1.10 stays 1.10");
        assertEquals(Tag.FLOAT, cells.get(1).value().getTag());
        assertEquals(Tag.STR, cells.get(2).value().getTag());
        assertEquals(Tag.BOOL, cells.get(3).value().getTag());
        assertTrue(YamlNodes.isNull(cells.get(4).value()));
        assertTrue(YamlNodes.isNull(cells.get(5).value()));
        assertTrue(YamlNodes.isNull(cells.get(6).value()));
        assertEquals(Tag.TIMESTAMP, cells.get(7).value().getTag());
        assertEquals("2024-01-15T10:00:00Z", text(cells.get(7).value()));
        assertEquals("O'Brien; DROP TABLE users; --", text(cells.get(8).value()));
        assertEquals(Tag.STR, cells.get(9).value().getTag());
        assertFalse(YamlNodes.isNull(cells.get(2).value()));
    }

    private static String text(Node node) {
        return ((ScalarNode) node).getValue();
    }

    @Test
    void mapsAndListsStayNodesWithLines() {
        List<Cell> cells = parse("""
                t:
                  - settings:
                      region: eu
                      tags: [a, b]
                    scopes:
                      - read
                      - write
                """).tables("postgres").get(0).rows().get(0).cells();
        MappingNode settings = assertInstanceOf(MappingNode.class, cells.get(0).value());
        assertEquals(3, YamlNodes.line(settings));
        assertEquals(4, YamlNodes.line(YamlNodes.entry(settings, "tags").orElseThrow().getKeyNode()));
        SequenceNode scopes = assertInstanceOf(SequenceNode.class, cells.get(1).value());
        assertEquals(2, scopes.getValue().size());
        assertEquals(7, YamlNodes.line(scopes.getValue().get(1)));
    }

    @Test
    void anchorsAliasesAndMergeKeysWork() {
        SeedSet set = parse("""
                users:
                  - &base
                    timezone: UTC
                    is_active: true
                    name: Base
                  - <<: *base
                    name: Override
                    email: o@example.com
                """);
        SeedRow merged = set.tables("postgres").get(0).rows().get(1);
        assertEquals(List.of("timezone", "is_active", "name", "email"),
                merged.cells().stream().map(Cell::key).toList());
        assertEquals("Override", text(merged.cells().get(2).value()));
        assertEquals("UTC", text(merged.cells().get(0).value()));
    }

    @Test
    void anEmptyFileOrAnEmptyTableHoldsNoRows() {
        assertTrue(parse("").sections().isEmpty());
        assertTrue(parse("# nothing yet\n").sections().isEmpty());
        SeedSet set = parse("users:\norganizations: []\n");
        assertEquals(0, set.rowCount("postgres"));
        assertEquals(2, set.tables("postgres").size());
    }

    @Test
    void invalidYamlNamesFileAndLine() {
        InvalidSeedException e = error("users:\n  - id: 1\n    name: \"unclosed\n    email: x\n");
        assertEquals("seeds/x.yaml", e.file());
        assertTrue(e.line() >= 3, e.getMessage());
        assertTrue(e.getMessage().startsWith("seeds/x.yaml:" + e.line() + ": invalid YAML: "), e.getMessage());
        assertTrue(e.getMessage().contains("Fix the YAML syntax at that line"), e.getMessage());

        InvalidSeedException tab = error("users:\n  - id: 1\n\tname: x\n");
        assertEquals(3, tab.line(), tab.getMessage());
    }

    @Test
    void theShapeMustBeTablesOfRowsOfColumns() {
        InvalidSeedException list = error("- id: 1\n");
        assertEquals(1, list.line());
        assertTrue(list.getMessage().contains("the file is a list, not a map of tables"), list.getMessage());

        InvalidSeedException scalarTable = error("users: admin\n");
        assertEquals("users", scalarTable.key());
        assertTrue(scalarTable.getMessage().contains("the table's value is \"admin\", not a list of rows"),
                scalarTable.getMessage());

        InvalidSeedException row = error("users:\n  - id: 1\n  - just-a-string\n");
        assertEquals(3, row.line());
        assertTrue(row.getMessage().contains("a row is \"just-a-string\", not a map"), row.getMessage());

        InvalidSeedException section = error("clickhouse:\n  - id: 1\n");
        assertEquals("clickhouse", section.key());
    }

    @Test
    void duplicatesAreRefusedWithBothLines() {
        InvalidSeedException key = error("users:\n  - id: 1\n    name: a\n    name: b\n");
        assertEquals(4, key.line());
        assertEquals("name", key.key());
        assertTrue(key.getMessage().contains("key given twice in the same map (first at line 3)"), key.getMessage());

        InvalidSeedException table = error("users:\n  - id: 1\norganizations: []\nusers:\n  - id: 2\n");
        assertEquals("users", table.key());
        assertTrue(table.getMessage().contains("key given twice in the same map (first at line 1)"),
                table.getMessage());
        assertEquals(4, table.line());
    }

    @Test
    void aliasesMustBeDefinedAndDocumentsSingle() {
        InvalidSeedException alias = error("users:\n  - <<: *missing\n    id: 1\n");
        assertEquals(2, alias.line());
        assertTrue(alias.getMessage().contains("*missing"), alias.getMessage());
        InvalidSeedException documents = error("users: []\n---\norganizations: []\n");
        assertTrue(documents.getMessage().contains("more than one YAML document"), documents.getMessage());
    }

    @Test
    void aMissingFileSaysHowToNameOne(@TempDir Path dir) {
        InvalidSeedException e = assertThrows(InvalidSeedException.class,
                () -> parser.parse(dir.resolve("nope.yaml"), "seeds/nope.yaml"));
        assertNull(e.key());
        assertEquals("seeds/nope.yaml: the seed file does not exist. Nothing was written. Create it, or name an "
                + "existing set with -Dbrokle.migrate.seed=dev (seeds/dev.yaml) or a file with "
                + "-Dbrokle.migrate.seedFile=path/to/seed.yaml", e.getMessage());
    }

    @Test
    void aTableMayNameACsvFileRelativeToTheProject() {
        SeedSet set = parse("users:\n  - id: u1\nclickhouse:\n  spans: {csv: seeds/spans.csv}\n");
        SeedTable spans = set.tables("clickhouse").get(0);
        assertEquals(new SeedSet.CsvSource(Path.of("/project/seeds/spans.csv"), "seeds/spans.csv"), spans.csv());
        assertEquals(4, spans.line());
        assertTrue(spans.rows().isEmpty());
        assertNull(set.tables("postgres").get(0).csv());
        InvalidSeedException other = error("events: {file: seeds/events.csv}\n");
        assertEquals("events", other.key());
        assertTrue(other.getMessage().contains("not {csv: path}"), other.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsReported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'t', ':', ' ', (byte) 0xE9, '\n'});
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> parser.parse(file, "seeds/latin1.yaml"));
        assertTrue(e.getMessage().startsWith("seeds/latin1.yaml: ") && e.getMessage().contains(
                "MalformedInputException"), e.getMessage());
    }

    @Test
    void theRepositorySeedSetsParse() {
        Path seeds = Path.of("..", "seeds").toAbsolutePath().normalize();
        for (String name : List.of("dev", "test", "demo")) {
            SeedSet set = parser.parse(seeds.resolve(name + ".yaml"), "seeds/" + name + ".yaml");
            assertTrue(set.rowCount("postgres") > 0, name);
        }
        SeedSet dev = parser.parse(seeds.resolve("dev.yaml"), "seeds/dev.yaml");
        assertEquals(List.of("traces", "spans", "quality_scores"),
                dev.tables("clickhouse").stream().map(SeedTable::name).toList());
    }
}
