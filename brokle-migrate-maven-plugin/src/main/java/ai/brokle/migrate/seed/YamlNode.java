package ai.brokle.migrate.seed;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.nio.charset.StandardCharsets;
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
     * <p>
     * {@link FastYamlReader} leaves the text in the file until it is asked for: a large seed's values then do not
     * become a few million long-lived strings the garbage collector copies around while the file is read.
     */
    final class Scalar implements YamlNode {

        private String text;
        /** The UTF-8 the text is in while it was not asked for yet; null once it was. */
        private byte[] source;
        private final int from;
        private final int to;
        private final String tag;
        private final boolean plain;
        private final int line;

        public Scalar(String text, String tag, boolean plain, int line) {
            this.text = text;
            this.source = null;
            this.from = 0;
            this.to = 0;
            this.tag = tag;
            this.plain = plain;
            this.line = line;
        }

        /** A scalar without a tag whose text is the UTF-8 {@code source[from, to)}. */
        Scalar(byte[] source, int from, int to, boolean plain, int line) {
            this.source = source;
            this.from = from;
            this.to = to;
            this.tag = null;
            this.plain = plain;
            this.line = line;
        }

        public String text() {
            if (source != null) {
                text = new String(source, from, to - from, StandardCharsets.UTF_8);
                source = null;
            }
            return text;
        }

        public String tag() {
            return tag;
        }

        public boolean plain() {
            return plain;
        }

        @Override
        public int line() {
            return line;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Scalar that && plain == that.plain && line == that.line
                    && text().equals(that.text()) && java.util.Objects.equals(tag, that.tag);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(text(), tag, plain, line);
        }

        @Override
        public String toString() {
            return "Scalar[text=" + text() + ", tag=" + tag + ", plain=" + plain + ", line=" + line + "]";
        }

        private static final Resolver RESOLVER = new Resolver();
        /**
         * The first characters for which SnakeYAML's resolver has rules (bool, int, float, merge, null, timestamp,
         * and its "!&*" rule, whose tag is a string to us): text starting otherwise is a string.
         */
        private static final String RESOLVED_FIRST = "yYnNtTfFoO-+0123456789.<~\0!&*";

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
            String text = text();
            return plain && (text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null")
                    || text.equals("NULL"));
        }

        /** The type YAML gives the scalar: explicit tag, else YAML 1.1's implicit rules for plain scalars. */
        public ScalarKind kind() {
            String text = text();
            if (tag == null && plain) {
                // the resolver's answer for the common cases, without it (its regexes cost even unused)
                if (isDecimal(text)) {
                    return ScalarKind.INTEGER;
                }
                if (!text.isEmpty() && RESOLVED_FIRST.indexOf(text.charAt(0)) < 0) {
                    return ScalarKind.STRING;
                }
            }
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

        /** True for {@code 0} and unsigned decimals without a leading zero, up to 18 digits (so they fit a long). */
        static boolean isDecimal(String text) {
            int length = text.length();
            if (length == 0 || length > 18 || text.charAt(0) == '0' && length > 1) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        /** True for the merge key {@code <<}. */
        boolean isMergeKey() {
            return tag != null ? tag.equals(Tag.MERGE.getValue()) : plain && text().equals("<<");
        }

        @Override
        public String describe() {
            String text = text();
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
