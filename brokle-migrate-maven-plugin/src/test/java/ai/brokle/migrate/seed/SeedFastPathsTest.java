package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.YamlNode.ScalarKind;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shortcuts large seeds take (a scalar's YAML type, ISO timestamps, JSON numbers) give what the general code
 * gives.
 */
class SeedFastPathsTest {

    private static final List<String> SCALARS = List.of("", "0", "00", "012", "7", "123", "1234567890123456789",
            "-1", "+1", "1.5", ".5", "1e3", "1_000", "0x1F", "0b101", "12:30", "1:30:00", "yes", "Yes", "no", "NO",
            "on", "Off", "true", "False", "y", "n", "t", "f", "null", "Null", "NULL", "~", "nothing", "<<", "<a",
            ".inf", "-.inf", ".nan", "2024-01-15", "2024-01-15T10:00:00Z", "dark", "weekly", "Europe/Berlin",
            "user1@bench.example", "$2a$10$x", "!x", "&a", "*a", "é", "Zoë", "_x", "#x", "9lives", "O'Brien");

    @Test
    void aPlainScalarsKindIsWhatSnakeYamlsResolverSays() {
        Resolver resolver = new Resolver();
        Map<Tag, ScalarKind> kinds = Map.of(Tag.NULL, ScalarKind.NULL, Tag.BOOL, ScalarKind.BOOLEAN,
                Tag.INT, ScalarKind.INTEGER, Tag.FLOAT, ScalarKind.FLOAT, Tag.TIMESTAMP, ScalarKind.TIMESTAMP);
        for (String text : SCALARS) {
            ScalarKind expected = kinds.getOrDefault(resolver.resolve(NodeId.scalar, text, true), ScalarKind.STRING);
            assertEquals(expected, YamlNode.Scalar.of(text, 1).kind(), text);
            assertEquals(ScalarKind.STRING, YamlNode.Scalar.quoted(text, 1).kind(), text);
        }
    }

    @Test
    void isoTimestampsReadWithoutTheRegexAsWithIt() {
        List<String> texts = List.of("2024-01-15", "2024-01-15T10:00:00Z", "2024-01-15T10:00Z", "2024-01-15T10:00",
                "2024-01-15T10:00:00", "2024-01-15T10:00:00.1", "2024-01-15T10:00:00.123456789Z",
                "2024-01-15T10:00:00.1234567891Z", "2024-01-15T10:00:00+01:00", "2024-01-15T10:00:00-05:30",
                "2024-01-15T10:00:00+14:00", "2024-01-15T10:00:00+25:00", "2024-01-15T10:00:00+0100",
                "2024-01-15T10:00:00+01", "2024-02-29", "2023-02-29", "2024-13-01", "2024-01-15T24:00:00",
                "2024-01-15T10:60:00", "2024-01-15T10:00:60", "2024-01-15 10:00:00", "2024-1-5", " 2024-01-15",
                "2024-01-15 ", "2024-01-15t10:00:00z", "0000-01-01", "9999-12-31T23:59:59.999999999Z",
                "2024-01-15T10:00:00.Z", "2024-01-15T1:00:00", "2024-01-15T10:00:", "2024-01-15T10:00.5",
                "2024-01-15X", "now", "20240115");
        for (String text : texts) {
            assertEquals(Timestamps.regex(text), Timestamps.parse(text), text);
        }
    }

    @Test
    void jsonNumbersKeepTheirValue() {
        YamlNode map = new SeedFileParser("postgres", java.util.Set.of()).parse(
                "t:\n  - v: {a: 0, b: 42, c: 012, d: -5, e: 1.50, f: 1_000, g: .inf, h: '7', i: yes, j: ~}\n", "x")
                .tables("postgres").get(0).rows().get(0).cells().get(0).value();
        assertEquals("{\"a\":0,\"b\":42,\"c\":12,\"d\":-5,\"e\":1.50,\"f\":1000,\"g\":\".inf\",\"h\":\"7\","
                + "\"i\":true,\"j\":null}", Json.write(map));
    }
}
