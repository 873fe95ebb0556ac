package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.YamlNode.Entry;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link YamlNode}s straight from SnakeYAML's parse events (the same tokens compose() reads, with the
 * same tag resolution and marks), so a 100,000-row file never exists as a second, mark-laden node tree.
 */
final class YamlEventReader {

    private static final int MAX_DEPTH = 64;

    private final Iterator<Event> events;
    private final String file;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    /** One String per distinct key: 100,000 rows repeat the same few column names. */
    private final Map<String, String> keyNames = new HashMap<>();

    YamlEventReader(Iterator<Event> events, String file) {
        this.events = events;
        this.file = file;
    }

    /** The single document's root, or null for an empty file. */
    YamlNode document() {
        expect(Event.ID.StreamStart);
        Event next = events.next();
        if (next.is(Event.ID.StreamEnd)) {
            return null;
        }
        YamlNode root = node(events.next(), 0);
        expect(Event.ID.DocumentEnd);
        Event end = events.next();
        if (!end.is(Event.ID.StreamEnd)) {
            throw new InvalidSeedException(file, line(end), null, "the file holds more than one YAML document",
                    "Remove the '---' separator and merge the documents into one");
        }
        return root;
    }

    private void expect(Event.ID id) {
        Event event = events.next();
        if (!event.is(id)) {
            throw new InvalidSeedException(file, line(event), null, "unexpected " + event.getEventId(),
                    "Fix the YAML structure");
        }
    }

    private YamlNode node(Event event, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidSeedException(file, line(event), null, "values nest deeper than " + MAX_DEPTH
                    + " levels", "Flatten the value");
        }
        if (event instanceof AliasEvent alias) {
            YamlNode target = anchors.get(alias.getAnchor());
            if (target == null) {
                throw new InvalidSeedException(file, line(event), null, "alias *" + alias.getAnchor()
                        + " names no anchor defined above it", "Define &" + alias.getAnchor() + " first");
            }
            return target;
        }
        YamlNode node;
        if (event instanceof ScalarEvent scalar) {
            String tag = scalar.getTag() == null || scalar.getTag().equals("!") ? null : scalar.getTag();
            node = new YamlNode.Scalar(scalar.getValue(), tag, scalar.getImplicit().canOmitTagInPlainScalar(),
                    line(event));
        } else if (event instanceof SequenceStartEvent) {
            List<YamlNode> items = new ArrayList<>();
            for (Event next = events.next(); !next.is(Event.ID.SequenceEnd); next = events.next()) {
                items.add(node(next, depth + 1));
            }
            node = new YamlNode.Sequence(items, line(event));
        } else if (event instanceof MappingStartEvent) {
            node = mapping(line(event), depth);
        } else {
            throw new InvalidSeedException(file, line(event), null, "unexpected " + event.getEventId(),
                    "Fix the YAML structure");
        }
        String anchor = event instanceof NodeEvent nodeEvent ? nodeEvent.getAnchor() : null;
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private YamlNode.Mapping mapping(int line, int depth) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Entry> merged = new ArrayList<>();
        for (Event keyEvent = events.next(); !keyEvent.is(Event.ID.MappingEnd); keyEvent = events.next()) {
            int keyLine = line(keyEvent);
            if (!(keyEvent instanceof ScalarEvent)) {
                throw new InvalidSeedException(file, keyLine, null, "a key is a list, map or alias",
                        "Keys must be plain names, e.g. 'email:'");
            }
            YamlNode.Scalar key = (YamlNode.Scalar) node(keyEvent, depth + 1);
            YamlNode value = node(events.next(), depth + 1);
            if (key.isMergeKey()) {
                merged.addAll(mergedEntries(value, keyLine));
                continue;
            }
            String name = keyNames.computeIfAbsent(key.text(), k -> k);
            Entry previous = entries.put(name, new Entry(name, keyLine, value));
            if (previous != null) {
                throw new InvalidSeedException(file, keyLine, key.text(), "key given twice in the same map "
                        + "(first at line " + previous.line() + ")", "Remove one of them");
            }
        }
        if (merged.isEmpty()) {
            return new YamlNode.Mapping(List.copyOf(entries.values()), line);
        }
        Map<String, Entry> result = new LinkedHashMap<>();
        for (Entry entry : merged) {
            result.putIfAbsent(entry.key(), entry); // explicit keys override merged ones
        }
        result.putAll(entries);
        return new YamlNode.Mapping(List.copyOf(result.values()), line);
    }

    private static int line(Event event) {
        return event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
    }

    /** The entries a {@code <<} merge key brings in: from a map, or from a list of maps (first one wins). */
    private List<Entry> mergedEntries(YamlNode value, int line) {
        if (value instanceof YamlNode.Mapping mapping) {
            return mapping.entries();
        }
        if (value instanceof YamlNode.Sequence sequence) {
            Map<String, Entry> first = new HashMap<>();
            List<Entry> entries = new ArrayList<>();
            for (YamlNode item : sequence.items()) {
                for (Entry entry : mergedEntries(item, line)) {
                    if (first.putIfAbsent(entry.key(), entry) == null) {
                        entries.add(entry);
                    }
                }
            }
            return entries;
        }
        throw new InvalidSeedException(file, line, "<<", "merges " + value.describe() + ", not a map",
                "Merge a map anchor, e.g. '<<: *defaults'");
    }
}
