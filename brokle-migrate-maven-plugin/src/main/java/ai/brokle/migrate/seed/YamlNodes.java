package ai.brokle.migrate.seed;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.Optional;

/** What the seeder asks of a SnakeYAML node: its line, whether it is null, its text, a short description. */
final class YamlNodes {

    private YamlNodes() {
    }

    /** 1-based line where the node starts. */
    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** True for {@code null}, {@code ~}, an empty value and {@code !!null}; never for quoted text. */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** The scalar's text as written (quotes and escapes resolved). */
    static String text(Node node) {
        return ((ScalarNode) node).getValue();
    }

    /** The value of a map's key, if the map has it. */
    static Optional<NodeTuple> entry(MappingNode mapping, String key) {
        return mapping.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k
                && k.getValue().equals(key)).findFirst();
    }

    /** For messages: the quoted text of a scalar, "null", "a list", "a map". */
    static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            String text = scalar.getValue();
            return isNull(node) ? "null" : "\"" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "\"";
        }
        return node instanceof MappingNode ? "a map" : "a list";
    }
}
