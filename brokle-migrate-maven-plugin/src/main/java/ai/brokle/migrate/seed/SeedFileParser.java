package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.SeedSet.SeedRow;
import ai.brokle.migrate.seed.SeedSet.SeedTable;
import ai.brokle.migrate.seed.YamlNode.Entry;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a seed file into a {@link SeedSet}, keeping the line of every key. {@link FastYamlReader} reads the plain
 * YAML most seed files are; whatever it declines (anchors, aliases, {@code <<} merge keys, block scalars, errors)
 * SnakeYAML parses. Values are not converted here (the column types do that later).
 */
public final class SeedFileParser {

    private static final String FIX_SHAPE = "A seed file maps table names to lists of rows, e.g.\n"
            + "  organizations:\n    - id: 01HM690K80K4V7CDPBYQNMV7Q4\n      name: \"Acme Corp\"";

    private final String defaultSection;
    private final Set<String> otherSections;

    /**
     * @param defaultSection the datasource of top-level tables ({@code postgres})
     * @param otherSections  top-level keys that hold another datasource's tables ({@code clickhouse})
     */
    public SeedFileParser(String defaultSection, Set<String> otherSections) {
        this.defaultSection = defaultSection;
        this.otherSections = otherSections;
    }

    public SeedSet parse(Path path, String file) {
        byte[] utf8;
        String text = null;
        try {
            utf8 = Files.readAllBytes(path);
            if (!ascii(utf8)) {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8)).toString(); // strict
            }
        } catch (NoSuchFileException e) {
            throw missing(file);
        } catch (IOException e) {
            return parseStream(path, file); // unreadable or not UTF-8: reported as SnakeYAML reports it
        }
        return parse(utf8, text, file);
    }

    public SeedSet parse(String yaml, String file) {
        byte[] utf8 = utf8(yaml);
        return utf8 != null ? parse(utf8, yaml, file) : seedSet(snakeYaml(new StringReader(yaml), file), file);
    }

    /** The text as UTF-8, or null when it holds an unpaired surrogate (which SnakeYAML then reports). */
    static byte[] utf8(String text) {
        try {
            ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[utf8.remaining()];
            utf8.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** @param text the same as a String, or null when the bytes are all ASCII */
    private SeedSet parse(byte[] utf8, String text, String file) {
        YamlNode root;
        try {
            root = FastYamlReader.read(utf8);
        } catch (FastYamlReader.Unsupported e) {
            root = snakeYaml(new StringReader(text != null ? text : new String(utf8, StandardCharsets.ISO_8859_1)),
                    file);
        }
        return seedSet(root, file);
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private SeedSet parseStream(Path path, String file) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return seedSet(snakeYaml(reader, file), file);
        } catch (NoSuchFileException e) {
            throw missing(file);
        } catch (IOException e) {
            throw new InvalidSeedException(file, 0, null, "cannot read the seed file: " + e.getMessage(),
                    "Check that the file is readable");
        }
    }

    private static InvalidSeedException missing(String file) {
        return new InvalidSeedException(file, 0, null, "the seed file does not exist",
                "Create it, or name an existing set with -Dbrokle.migrate.seed=dev (seeds/dev.yaml) or a file "
                        + "with -Dbrokle.migrate.seedFile=path/to/seed.yaml");
    }

    /** The document's root as SnakeYAML reads it (null for an empty file): any YAML, errors with their line. */
    static YamlNode snakeYaml(Reader reader, String file) {
        try {
            return new YamlEventReader(new Yaml(loaderOptions()).parse(reader).iterator(), file).document();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new InvalidSeedException(file, mark == null ? 0 : mark.getLine() + 1, null,
                    "invalid YAML: " + problem(e), "Fix the YAML syntax at that line (quote values that contain "
                    + "': ', '#', '{' or start with '*', '&', '!', '@')");
        } catch (YAMLException e) {
            throw new InvalidSeedException(file, 0, null, "invalid YAML: " + e.getMessage(), "Fix the YAML syntax");
        }
    }

    private SeedSet seedSet(YamlNode root, String file) {
        Map<String, List<SeedTable>> sections = new LinkedHashMap<>();
        if (root == null) {
            return new SeedSet(file, sections);
        }
        YamlNode.Mapping top = topMapping(root, file, "the file");
        for (Entry entry : top.entries()) {
            if (otherSections.contains(entry.key())) {
                YamlNode.Mapping section = topMapping(entry.value(), file, entry.key());
                for (Entry table : section.entries()) {
                    addTable(sections, entry.key(), table, file);
                }
            } else {
                addTable(sections, defaultSection, entry, file);
            }
        }
        return new SeedSet(file, sections);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // demo seeds are megabytes; the default stops at 3 MB
        options.setMaxAliasesForCollections(10_000);
        options.setProcessComments(false);
        return options;
    }

    private static String problem(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        return e.getContext() != null ? e.getContext() + ", " + problem : problem;
    }

    private static YamlNode.Mapping topMapping(YamlNode node, String file, String what) {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping;
        }
        throw new InvalidSeedException(file, node.line(), what.equals("the file") ? null : what,
                what + " is " + node.describe() + ", not a map of tables", FIX_SHAPE);
    }

    private static void addTable(Map<String, List<SeedTable>> sections, String section, Entry entry, String file) {
        List<SeedTable> tables = sections.computeIfAbsent(section, k -> new ArrayList<>());
        List<SeedRow> rows = new ArrayList<>();
        YamlNode value = entry.value();
        if (value instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                if (!(item instanceof YamlNode.Mapping row)) {
                    throw new InvalidSeedException(file, item.line(), entry.key(), "a row is " + item.describe()
                            + ", not a map of column: value", "Write each row as '- column: value' lines");
                }
                rows.add(new SeedRow(row.entries().isEmpty() ? row.line() : row.entries().get(0).line(),
                        row.entries()));
            }
        } else if (!(value instanceof YamlNode.Scalar scalar && scalar.isNull())) {
            throw new InvalidSeedException(file, value.line(), entry.key(), "the table's value is "
                    + value.describe() + ", not a list of rows", FIX_SHAPE);
        }
        tables.add(new SeedTable(entry.key(), entry.line(), rows));
    }
}
