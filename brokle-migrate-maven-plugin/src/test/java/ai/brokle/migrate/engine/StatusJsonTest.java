package ai.brokle.migrate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status document: its schema, its spelling ({@code "key": value}, arrays on one line), escaping. */
class StatusJsonTest {

    @Test
    void theDocumentKeepsItsSchemaAndSpelling() throws Exception {
        String json = StatusJson.render(new StatusReport(Health.PENDING, List.of(
                new DatasourceStatus("postgres", Health.PENDING, "jdbc:postgresql://db/x", "migrations", 5L, false,
                        false, 5, List.of("000006_create_projects", "000007_x"), List.of(), List.of()),
                new DatasourceStatus("clickhouse", Health.ERROR, null, "migrations/clickhouse", null, true, true, 0,
                        List.of(), List.of("said \"no\"\n\tthen\u0001"), List.of("pid 1")))));
        assertTrue(json.contains("\"overall\": \"PENDING\""), json);
        assertTrue(json.contains("\"version\": 5"), json);
        assertTrue(json.contains("\"pending\": [\"000006_create_projects\", \"000007_x\"]"), json);
        assertTrue(json.contains("\"problems\": []"), json);
        assertTrue(json.endsWith("}\n"), json);
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(List.of("overall", "generatedAt", "datasources"), iterable(root.fieldNames()));
        JsonNode clickhouse = root.get("datasources").get(1);
        assertEquals(List.of("name", "health", "url", "dir", "version", "dirty", "drift", "applied", "pending",
                "problems", "locks"), iterable(clickhouse.fieldNames()));
        assertTrue(clickhouse.get("url").isNull() && clickhouse.get("version").isNull());
        assertTrue(clickhouse.get("dirty").asBoolean());
        assertEquals("said \"no\"\n\tthen\u0001", clickhouse.get("problems").get(0).asText());
        assertEquals(5, root.get("datasources").get(0).get("applied").asInt());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
