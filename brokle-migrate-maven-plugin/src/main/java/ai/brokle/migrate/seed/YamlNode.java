package ai.brokle.migrate.seed;

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

    record Scalar(String text, ScalarKind kind, int line) implements YamlNode {

        public boolean isNull() {
            return kind == ScalarKind.NULL;
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
