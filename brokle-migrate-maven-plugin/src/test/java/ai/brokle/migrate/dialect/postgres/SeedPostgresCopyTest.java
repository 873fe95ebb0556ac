package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.seed.JsonText;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** COPY's CSV format: every value quoted, so a comma, quote or newline in it can never end a field or a row. */
class SeedPostgresCopyTest {

    private static String field(Object value) {
        StringBuilder data = new StringBuilder();
        PostgresSeedCopy.appendField(data, value);
        return data.toString();
    }

    @Test
    void textIsQuotedAndNullIsNothing() {
        assertEquals("", field(null));
        assertEquals("\"plain\"", field("plain"));
        assertEquals("\"\"", field(""), "the empty string is not null");
        assertEquals("\"NULL\"", field("NULL"), "the text NULL is not null");
        assertEquals("\"\\N\"", field("\\N"), "nor is a backslash-N");
        assertEquals("\"a\tb\nc\rd\\e,f\"", field("a\tb\nc\rd\\e,f"));
        assertEquals("\"say \"\"hi\"\" 🚀\"", field("say \"hi\" 🚀"));
        assertEquals("\"\\.\"", field("\\."), "a quoted \\. does not end the data");
    }

    @Test
    void typedValuesGoInTheFormTheirColumnTypeReads() {
        assertEquals("\"true\"", field(true));
        assertEquals("\"-42\"", field(-42L));
        assertEquals("\"1000\"", field(new BigDecimal("1E+3")));
        assertEquals("\"2024-01-05T07:08:09\"", field(LocalDateTime.of(2024, 1, 5, 7, 8, 9)));
        assertEquals("\"2024-01-05T07:08:09.000123\"", field(LocalDateTime.of(2024, 1, 5, 7, 8, 9, 123_000)));
        assertEquals("\"2024-02-29\"", field(LocalDate.of(2024, 2, 29)));
        assertEquals("\"2024-01-05T07:08+01:00\"", field(OffsetDateTime.of(2024, 1, 5, 7, 8, 0, 0,
                ZoneOffset.ofHours(1))));
        assertEquals("\"0b6f4d1e-8c1a-4f4e-9a53-2f1c9d7e5b10\"",
                field(UUID.fromString("0b6f4d1e-8c1a-4f4e-9a53-2f1c9d7e5b10")));
        assertEquals("\"{\"\"a\"\":\"\"tab\\there\"\"}\"", field(new JsonText("{\"a\":\"tab\\there\"}")));
    }

    @Test
    void arraysQuoteEveryElement() {
        assertEquals("{}", PostgresSeedCopy.arrayLiteral(List.of()));
        assertEquals("{\"a\",\"\",NULL,\"NULL\",\"x,y\",\"{z}\",\"say \\\"hi\\\"\",\"back\\\\slash\"}",
                PostgresSeedCopy.arrayLiteral(Arrays.asList("a", "", null, "NULL", "x,y", "{z}", "say \"hi\"",
                        "back\\slash")));
        assertEquals("{\"1\",\"2\"}", PostgresSeedCopy.arrayLiteral(List.of(1L, 2L)));
        assertEquals("\"{\"\"tab\there\"\"}\"", field(List.of("tab\there")), "array literal, then CSV quoting");
    }
}
