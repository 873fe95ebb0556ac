package ai.brokle.migrate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DotEnvTest {

    @TempDir
    Path dir;

    @Test
    void missingFileIsEmpty() {
        assertEquals(Map.of(), DotEnv.read(dir.resolve(".env")));
    }

    @Test
    void readsKeyValueLines() throws IOException {
        Path file = Files.writeString(dir.resolve(".env"), String.join("\n",
                "# a comment",
                "",
                "DATABASE_URL=postgres://u:p@h:5432/db?sslmode=disable",
                "export CLICKHOUSE_URL = clickhouse://h:9000/db",
                "DOUBLE=\"with # hash and spaces \"",
                "SINGLE='single # quoted'",
                "QUOTED_THEN_COMMENT=\"v\" # comment",
                "TRAILING=value # comment",
                "HASH_INSIDE=a#b",
                "EQUALS=a=b=c",
                "EMPTY=",
                "  INDENTED=yes  ",
                "DATABASE_URL_OVERRIDDEN=1",
                "DATABASE_URL_OVERRIDDEN=2"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("DATABASE_URL", "postgres://u:p@h:5432/db?sslmode=disable");
        expected.put("CLICKHOUSE_URL", "clickhouse://h:9000/db");
        expected.put("DOUBLE", "with # hash and spaces ");
        expected.put("SINGLE", "single # quoted");
        expected.put("QUOTED_THEN_COMMENT", "v");
        expected.put("TRAILING", "value");
        expected.put("HASH_INSIDE", "a#b");
        expected.put("EQUALS", "a=b=c");
        expected.put("EMPTY", "");
        expected.put("INDENTED", "yes");
        expected.put("DATABASE_URL_OVERRIDDEN", "2");
        assertEquals(expected, DotEnv.read(file));
    }

    @Test
    void crlfLinesAreRead() throws IOException {
        Path file = Files.writeString(dir.resolve(".env"), "A=1\r\nB=2\r\n");
        assertEquals(Map.of("A", "1", "B", "2"), DotEnv.read(file));
    }

    @Test
    void badLineNamesTheFileAndLineButNotItsContent() throws IOException {
        Path file = Files.writeString(dir.resolve(".env"), "A=1\n# ok\npostgres://u:hunter2@h/db\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> DotEnv.read(file));
        assertTrue(e.getMessage().startsWith(file + ":3:"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void lineWithoutKeyIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve(".env"), "=value\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> DotEnv.read(file));
        assertTrue(e.getMessage().contains(file + ":1"), e.getMessage());
    }
}
