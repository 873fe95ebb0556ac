package ai.brokle.migrate.seed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link FastYamlReader} against SnakeYAML: for any text it either builds exactly the nodes (text, quoting, lines)
 * the SnakeYAML path builds, or declines; it never accepts what SnakeYAML refuses.
 */
class SeedFastYamlTest {

    private static final List<String> HANDLED = List.of(
            "",
            "# only a comment\n\n",
            "users:\n",
            "users: []\norganizations:\n",
            "users:\n  - id: 01HZ0001\n    email: a@example.com\n    name: \"Ann \\\"A\\\" O'Brien\"\n",
            "users:\n- id: 1\n  name: indentless\n- id: 2\n",
            "t:\n  - a: 1\n    b: 1.10\n    c: yes\n    d: null\n    e:\n    f: ~\n    g: 2024-01-15T10:00:00Z\n",
            "t:\n  - text: O'Brien; DROP TABLE users; --\n    hash: \"$2a$10$abc\"\n    url: http://x.example/a?b=c#d\n",
            "t:\n  - note: a #comment\n    tag: a#b\n    colon: a:b\n    path: /x/y\n    neg: -5\n    dashes: --- x\n",
            "t:\n  - j: {theme: dark, digest: weekly, n: 7}\n    k: [a, 'b c', \"d\", {e: f}, [g]]\n    l: {}\n    m: [ ]\n",
            "t:\n  - s: 'it''s'\n    d: \"tab\\there\\nnew \\\\ \\x41\\u00e9 \\0\\a\\b\\v\\f\\r\\e\\ \\N\\_\\L\\P\"\n",
            "t:\n  - settings:\n      region: eu\n      tags: [a, b]\n      deep:\n        - x\n        - y: 1\n          z: 2\n"
                    + "    scopes:\n      - read\n      - write\n    after: 1\n",
            "t:\n  -   id: wide\n      name: aligned\n",
            "  # indented comment\nt:   # trailing comment\n  - id: 1    # here too\n\n\n  - id: 2\n#end",
            "clickhouse:\n  traces:\n    - id: t1\n      attributes: '{\"a\": 1}'\n",
            "t:\n  - name: Zoë Ünïcode 日本 \uD83D\uDE80\n",
            "t:\n  - a: \"\"\n    b: ''\n    c: \" padded \"\n",
            "t:\n  - x\n  - \"y\"\n  - [1]\n  - {a: b}\n",
            "t:\n  - changes: {\"via\": \"api\", 'n':1, \"ok\":true}\n    \"quoted key\": 1\n    'single': 2\n"
                    + "  - \"first\": x\n    last: y\n");

    private static final List<String> DECLINED = List.of(
            "users:\n  - &base\n    id: 1\n  - <<: *base\n",
            "t:\n  - text: !!str 12\n",
            "t:\n  - text: |\n      block\n",
            "t:\n  - text: plain\n      continued\n",
            "t:\n  - text: \"multi\n      line\"\n",
            "t:\r\n  - id: 1\r\n",
            "t:\n  - id: 1\n\tname: x\n",
            "---\nt: []\n",
            "t: []\n---\nu: []\n",
            "t:\n  - id: 1\n    id: 2\n",
            "t:\n  - {a: 1, a: 2}\n",
            "- id: 1\n",
            "users: admin\n  more\n",
            "t:\n  - a: b: c\n",
            "t:\n  - a: {b: c\n",
            "t:\n  -\n    id: 1\n",
            "\uFEFFt: []\n",
            "t:\n  - a: \"\\/\"\n");

    @Test
    void everydaySeedYamlIsReadExactlyAsSnakeYamlReadsIt() {
        for (String yaml : HANDLED) {
            YamlNode fast;
            try {
                fast = fast(yaml);
            } catch (FastYamlReader.Unsupported e) {
                fail("declined:\n" + yaml);
                return;
            }
            assertEquals(snakeYaml(yaml), fast, yaml);
        }
    }

    @Test
    void everythingElseIsLeftToSnakeYaml() {
        for (String yaml : DECLINED) {
            assertThrows(FastYamlReader.Unsupported.class, () -> fast(yaml), yaml);
        }
    }

    @Test
    void theRepositorySeedSetsTakeTheFastPathAndMatch() throws IOException {
        Path seeds = Path.of("..", "seeds").toAbsolutePath().normalize();
        for (String name : List.of("dev", "test", "demo")) {
            String yaml = Files.readString(seeds.resolve(name + ".yaml"));
            assertEquals(snakeYaml(yaml), fast(yaml), name);
        }
    }

    @Test
    void aFileThatIsNotUtf8IsReportedAsBefore(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'t', ':', ' ', (byte) 0xE9, '\n'});
        InvalidSeedException e = assertThrows(InvalidSeedException.class,
                () -> new SeedFileParser("postgres", java.util.Set.of()).parse(file, "seeds/latin1.yaml"));
        assertTrue(e.getMessage().startsWith("seeds/latin1.yaml: invalid YAML: ") && e.getMessage().contains(
                "MalformedInputException"), e.getMessage());
    }

    /** Random edits with YAML's special characters: the fast reader must agree with SnakeYAML or decline. */
    @Test
    void mutatedSeedsAgreeOrAreDeclined() {
        String alphabet = " :-#'\"{}[],\n&*!|>?%@`\\~ax1.";
        Random random = new Random(42);
        for (int i = 0; i < 4000; i++) {
            StringBuilder yaml = new StringBuilder(HANDLED.get(random.nextInt(HANDLED.size())));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = yaml.length() == 0 ? 0 : random.nextInt(yaml.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> yaml.insert(at, c);
                    case 1 -> {
                        if (yaml.length() > 0) {
                            yaml.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (yaml.length() > 0) {
                            yaml.setCharAt(at, c);
                        }
                    }
                }
            }
            String text = yaml.toString();
            YamlNode fast;
            try {
                fast = fast(text);
            } catch (FastYamlReader.Unsupported | IllegalArgumentException declined) {
                continue;
            }
            YamlNode expected;
            try {
                expected = snakeYaml(text);
            } catch (InvalidSeedException e) {
                fail("SnakeYAML refuses what the fast reader accepted (" + e.getMessage() + "):\n" + text);
                return;
            }
            assertEquals(expected, fast, text);
        }
    }

    /** The fast reader's nodes, as SeedFileParser calls it; null when the text cannot even be UTF-8. */
    private static YamlNode fast(String yaml) {
        byte[] utf8 = SeedFileParser.utf8(yaml);
        if (utf8 == null) {
            throw new IllegalArgumentException("not UTF-8: SeedFileParser gives it to SnakeYAML");
        }
        return FastYamlReader.read(utf8);
    }

    private static YamlNode snakeYaml(String yaml) {
        return SeedFileParser.snakeYaml(new StringReader(yaml), "x.yaml");
    }
}
