package ai.brokle.migrate.seed;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value and the line it starts on. Scalars keep their source text: the column's SQL type, not YAML's guess,
 * decides what {@code 49007}, {@code yes} or {@code 1.10} mean.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** 1-based line where the value starts. */
    int line();

    /** A short description for messages: the quoted text of a scalar, "a list", "a map". */
    String describe();

    /** What YAML resolved a plain scalar to; quoted scalars are always {@code STRING}. */
    enum ScalarKind { STRING, INTEGER, FLOAT, BOOLEAN, NULL, TIMESTAMP }

    /**
     * A scalar. {@code tag} is an explicit tag ({@code !!str 42}) or null; {@code plain} is false for quoted text.
     * What YAML would resolve a plain scalar to is worked out only when asked: most values never need it.
     */
    record Scalar(String text, String tag, boolean plain, int line) implements YamlNode {

        private static final Resolver RESOLVER = new Resolver();

        public static Scalar of(String text, int line) {
            return new Scalar(text, null, true, line);
        }

        public static Scalar quoted(String text, int line) {
            return new Scalar(text, null, false, line);
        }

        public boolean isNull() {
            if (tag != null) {
                return tag.equals(Tag.NULL.getValue());
            }
            return plain && (text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null")
                    || text.equals("NULL"));
        }

        /** The type YAML gives the scalar: explicit tag, else YAML 1.1's implicit rules for plain scalars. */
        public ScalarKind kind() {
            Tag resolved = tag != null ? new Tag(tag) : RESOLVER.resolve(NodeId.scalar, text, plain);
            if (Tag.NULL.equals(resolved)) {
                return ScalarKind.NULL;
            }
            if (Tag.BOOL.equals(resolved)) {
                return ScalarKind.BOOLEAN;
            }
            if (Tag.INT.equals(resolved)) {
                return ScalarKind.INTEGER;
            }
            if (Tag.FLOAT.equals(resolved)) {
                return ScalarKind.FLOAT;
            }
            return Tag.TIMESTAMP.equals(resolved) ? ScalarKind.TIMESTAMP : ScalarKind.STRING;
        }

        /** True for the merge key {@code <<}. */
        boolean isMergeKey() {
            return tag != null ? tag.equals(Tag.MERGE.getValue()) : plain && text.equals("<<");
        }

        @Override
        public String describe() {
            return isNull() ? "null" : "\"" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "\"";
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** One {@code key: value} pair; {@code line} is the key's line. */
    record Entry(String key, int line, YamlNode value) {
    }

    record Mapping(List<Entry> entries, int line) implements YamlNode {

        public Optional<Entry> get(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }
}
