package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.SeedSet.SeedRow;
import ai.brokle.migrate.seed.SeedSet.SeedTable;
import ai.brokle.migrate.seed.YamlNode.Entry;
import ai.brokle.migrate.seed.YamlNode.ScalarKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private final SeedFileParser parser = new SeedFileParser("postgres", Set.of("clickhouse"));

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
        assertEquals(List.of("id", "slug"), second.cells().stream().map(Entry::key).toList());
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
        List<Entry> cells = parse("""
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
        YamlNode.Scalar zip = (YamlNode.Scalar) cells.get(0).value();
        assertEquals("49007", zip.text());
        assertEquals(ScalarKind.INTEGER, zip.kind());
        assertEquals("1.10", ((YamlNode.Scalar) cells.get(1).value()).text(), "no float rounding: 1.10 stays 1.10");
        assertEquals(ScalarKind.FLOAT, ((YamlNode.Scalar) cells.get(1).value()).kind());
        assertEquals(ScalarKind.STRING, ((YamlNode.Scalar) cells.get(2).value()).kind());
        assertEquals(ScalarKind.BOOLEAN, ((YamlNode.Scalar) cells.get(3).value()).kind());
        assertTrue(((YamlNode.Scalar) cells.get(4).value()).isNull());
        assertTrue(((YamlNode.Scalar) cells.get(5).value()).isNull());
        assertTrue(((YamlNode.Scalar) cells.get(6).value()).isNull());
        assertEquals(ScalarKind.TIMESTAMP, ((YamlNode.Scalar) cells.get(7).value()).kind());
        assertEquals("2024-01-15T10:00:00Z", ((YamlNode.Scalar) cells.get(7).value()).text());
        assertEquals("O'Brien; DROP TABLE users; --", ((YamlNode.Scalar) cells.get(8).value()).text());
        assertEquals(ScalarKind.STRING, ((YamlNode.Scalar) cells.get(9).value()).kind());
        assertFalse(((YamlNode.Scalar) cells.get(2).value()).isNull());
    }

    @Test
    void mapsAndListsStayNodesWithLines() {
        List<Entry> cells = parse("""
                t:
                  - settings:
                      region: eu
                      tags: [a, b]
                    scopes:
                      - read
                      - write
                """).tables("postgres").get(0).rows().get(0).cells();
        YamlNode.Mapping settings = assertInstanceOf(YamlNode.Mapping.class, cells.get(0).value());
        assertEquals(3, settings.line());
        assertEquals(4, settings.get("tags").orElseThrow().line());
        YamlNode.Sequence scopes = assertInstanceOf(YamlNode.Sequence.class, cells.get(1).value());
        assertEquals(2, scopes.items().size());
        assertEquals(7, scopes.items().get(1).line());
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
                merged.cells().stream().map(Entry::key).toList());
        assertEquals("Override", ((YamlNode.Scalar) merged.cells().get(2).value()).text());
        assertEquals("UTC", ((YamlNode.Scalar) merged.cells().get(0).value()).text());
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
