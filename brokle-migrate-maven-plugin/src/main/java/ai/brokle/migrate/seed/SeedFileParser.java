package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.SeedSet.Cell;
import ai.brokle.migrate.seed.SeedSet.CsvSource;
import ai.brokle.migrate.seed.SeedSet.SeedRow;
import ai.brokle.migrate.seed.SeedSet.SeedTable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a seed file into a {@link SeedSet} with SnakeYAML's node API, which keeps the line of every key and value.
 * Merge keys ({@code <<: *base}) are flattened and a key given twice in one map is refused. Values are not converted
 * here (the column types do that later). A table's value is a list of rows, or {@code {csv: path}}.
 */
public final class SeedFileParser {

    private static final String FIX_SHAPE = "A seed file maps table names to lists of rows, e.g.\n"
            + "  organizations:\n    - id: 01HM690K80K4V7CDPBYQNMV7Q4\n      name: \"Acme Corp\"\n"
            + "or to a CSV file: events: {csv: seeds/events.csv}";

    private final String defaultSection;
    private final Set<String> otherSections;
    private final Path baseDir;

    /**
     * @param defaultSection the datasource of top-level tables ({@code postgres})
     * @param otherSections  top-level keys that hold another datasource's tables ({@code clickhouse})
     * @param baseDir        the project directory: CSV paths are relative to it
     */
    public SeedFileParser(String defaultSection, Set<String> otherSections, Path baseDir) {
        this.defaultSection = defaultSection;
        this.otherSections = otherSections;
        this.baseDir = baseDir;
    }

    public SeedSet parse(Path path, String file) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return seedSet(compose(reader, file), file);
        } catch (NoSuchFileException e) {
            throw new InvalidSeedException(file, 0, null, "the seed file does not exist",
                    "Create it, or name an existing set with -Dbrokle.migrate.seed=dev (seeds/dev.yaml) or a file "
                            + "with -Dbrokle.migrate.seedFile=path/to/seed.yaml");
        } catch (IOException e) {
            throw new InvalidSeedException(file, 0, null, "cannot read the seed file: " + e.getMessage(),
                    "Check that the file is readable");
        }
    }

    public SeedSet parse(String yaml, String file) {
        return seedSet(compose(new StringReader(yaml), file), file);
    }

    /** The single document's root (null for an empty file), merge keys flattened; errors with their line. */
    private static Node compose(Reader reader, String file) {
        try {
            LoaderOptions options = loaderOptions();
            // the composer alone: Yaml's constructors and representers are not needed (and slow to start)
            Composer documents = new Composer(new ParserImpl(new StreamReader(reader), options), new Resolver(),
                    options);
            if (!documents.checkNode()) {
                return null;
            }
            Node root = documents.getNode();
            if (documents.checkNode()) {
                throw new InvalidSeedException(file, YamlNodes.line(documents.getNode()), null, "the file holds more "
                        + "than one YAML document", "Remove the '---' separator and merge the documents into one");
            }
            new Flattener(file).visit(root);
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e instanceof ComposerException && problem.startsWith("found undefined alias ")) {
                problem = "alias *" + problem.substring(22) + " names no anchor defined above it";
            }
            throw new InvalidSeedException(file, mark == null ? 0 : mark.getLine() + 1, null, "invalid YAML: "
                    + (e.getContext() != null ? e.getContext() + ", " + problem : problem), "Fix the YAML syntax at "
                    + "that line (quote values that contain ': ', '#', '{' or start with '*', '&', '!', '@')");
        } catch (YAMLException e) {
            throw new InvalidSeedException(file, 0, null, "invalid YAML: " + e.getMessage(), "Fix the YAML syntax");
        }
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // demo seeds are megabytes; the default stops at 3 MB
        options.setMaxAliasesForCollections(10_000);
        options.setProcessComments(false);
        return options;
    }

    /** Flattens merge keys in every map (explicit keys win, then the first merged map) and refuses duplicates. */
    private record Flattener(String file, Map<Node, Boolean> seen) {

        Flattener(String file) {
            this(file, new IdentityHashMap<>());
        }

        void visit(Node node) {
            if (seen.put(node, true) != null) {
                return; // an alias: already done
            }
            if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(this::visit);
            } else if (node instanceof MappingNode mapping) {
                mapping.getValue().forEach(t -> visit(t.getValueNode()));
                mapping.setValue(flatten(mapping));
                mapping.setMerged(false);
            }
        }

        private List<NodeTuple> flatten(MappingNode mapping) {
            Map<String, NodeTuple> merged = new LinkedHashMap<>();
            Map<String, NodeTuple> explicit = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new InvalidSeedException(file, YamlNodes.line(tuple.getKeyNode()), null, "a key is a "
                            + "list or a map", "Keys must be plain names, e.g. 'email:'");
                }
                if (Tag.MERGE.equals(key.getTag())) {
                    for (MappingNode source : mergeSources(tuple.getValueNode())) {
                        source.getValue().forEach(t -> merged.putIfAbsent(YamlNodes.text(t.getKeyNode()), t));
                    }
                    continue;
                }
                NodeTuple previous = explicit.put(key.getValue(), tuple);
                if (previous != null) {
                    throw new InvalidSeedException(file, YamlNodes.line(key), key.getValue(), "key given twice in "
                            + "the same map (first at line " + YamlNodes.line(previous.getKeyNode()) + ")",
                            "Remove one of them");
                }
            }
            if (merged.isEmpty()) {
                return mapping.getValue();
            }
            merged.putAll(explicit);
            return new ArrayList<>(merged.values());
        }

        private List<MappingNode> mergeSources(Node value) {
            if (value instanceof MappingNode mapping) {
                return List.of(mapping);
            }
            if (value instanceof SequenceNode sequence && sequence.getValue().stream()
                    .allMatch(MappingNode.class::isInstance)) {
                return sequence.getValue().stream().map(MappingNode.class::cast).toList();
            }
            throw new InvalidSeedException(file, YamlNodes.line(value), "<<", "merges " + YamlNodes.describe(value)
                    + ", not a map", "Merge a map anchor, e.g. '<<: *defaults'");
        }
    }

    private SeedSet seedSet(Node root, String file) {
        Map<String, List<SeedTable>> sections = new LinkedHashMap<>();
        if (root == null) {
            return new SeedSet(file, sections);
        }
        for (NodeTuple entry : topMapping(root, file, null).getValue()) {
            String key = YamlNodes.text(entry.getKeyNode());
            if (otherSections.contains(key)) {
                for (NodeTuple table : topMapping(entry.getValueNode(), file, key).getValue()) {
                    addTable(sections.computeIfAbsent(key, k -> new ArrayList<>()), table, file);
                }
            } else {
                addTable(sections.computeIfAbsent(defaultSection, k -> new ArrayList<>()), entry, file);
            }
        }
        return new SeedSet(file, sections);
    }

    private static MappingNode topMapping(Node node, String file, String key) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw new InvalidSeedException(file, YamlNodes.line(node), key, (key == null ? "the file" : key) + " is "
                + YamlNodes.describe(node) + ", not a map of tables", FIX_SHAPE);
    }

    private void addTable(List<SeedTable> tables, NodeTuple entry, String file) {
        String name = YamlNodes.text(entry.getKeyNode());
        int line = YamlNodes.line(entry.getKeyNode());
        Node value = entry.getValueNode();
        if (value instanceof MappingNode mapping) {
            tables.add(new SeedTable(name, line, List.of(), csv(mapping, name, file)));
            return;
        }
        List<SeedRow> rows = new ArrayList<>();
        if (value instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (!(item instanceof MappingNode row)) {
                    throw new InvalidSeedException(file, YamlNodes.line(item), name, "a row is "
                            + YamlNodes.describe(item) + ", not a map of column: value",
                            "Write each row as '- column: value' lines");
                }
                List<Cell> cells = new ArrayList<>(row.getValue().size());
                for (NodeTuple cell : row.getValue()) {
                    cells.add(new Cell(YamlNodes.text(cell.getKeyNode()), YamlNodes.line(cell.getKeyNode()),
                            cell.getValueNode()));
                }
                rows.add(new SeedRow(cells.isEmpty() ? YamlNodes.line(row) : cells.get(0).line(),
                        Collections.unmodifiableList(cells)));
            }
        } else if (!YamlNodes.isNull(value)) {
            throw new InvalidSeedException(file, YamlNodes.line(value), name, "the table's value is "
                    + YamlNodes.describe(value) + ", not a list of rows", FIX_SHAPE);
        }
        tables.add(new SeedTable(name, line, rows));
    }

    /** {@code {csv: path}}: the path is relative to the project directory. */
    private CsvSource csv(MappingNode mapping, String table, String file) {
        List<NodeTuple> entries = mapping.getValue();
        if (entries.size() != 1 || !YamlNodes.text(entries.get(0).getKeyNode()).equals("csv")
                || !(entries.get(0).getValueNode() instanceof ScalarNode path) || YamlNodes.isNull(path)
                || path.getValue().isBlank()) {
            throw new InvalidSeedException(file, YamlNodes.line(mapping), table, "the table's value is a map, but "
                    + "not {csv: path}", FIX_SHAPE);
        }
        return new CsvSource(baseDir.resolve(path.getValue()).normalize(), path.getValue());
    }
}
