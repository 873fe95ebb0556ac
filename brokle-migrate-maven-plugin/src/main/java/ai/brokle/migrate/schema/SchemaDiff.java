package ai.brokle.migrate.schema;

import ai.brokle.migrate.schema.SchemaSnapshot.Column;
import ai.brokle.migrate.schema.SchemaSnapshot.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two snapshots of one database and classifies every difference (see {@link Severity}): a table, column or
 * object present on one side only is an error; a definition that differs is a change; comments, renames that keep
 * the definition, and column order are cosmetic.
 */
public final class SchemaDiff {

    private final String when;
    private final List<Difference> differences = new ArrayList<>();

    private SchemaDiff(String when) {
        this.when = when;
    }

    /**
     * @param when how the second snapshot was taken, for messages: {@code after down}, {@code after undoing all}
     * @return the differences, worst first, then by subject
     */
    public static List<Difference> compare(SchemaSnapshot before, SchemaSnapshot after, String when) {
        SchemaDiff diff = new SchemaDiff(when);
        diff.tables(before.tables(), after.tables());
        diff.objects(before.objects(), after.objects());
        diff.differences.sort(Comparator.comparing(Difference::severity).thenComparing(Difference::subject));
        return List.copyOf(diff.differences);
    }

    private void tables(Map<String, Table> before, Map<String, Table> after) {
        for (String name : union(before.keySet(), after.keySet())) {
            Table b = before.get(name);
            Table a = after.get(name);
            if (b == null || a == null) {
                presence("table " + name, b != null, null);
            } else {
                columns(b, a);
                properties(name, b.properties(), a.properties());
                comment(name, b.comment(), a.comment());
            }
        }
    }

    private void columns(Table before, Table after) {
        Map<String, Column> b = byName(before.columns());
        Map<String, Column> a = byName(after.columns());
        for (String name : union(b.keySet(), a.keySet())) {
            String subject = before.name() + "." + name;
            if (!b.containsKey(name) || !a.containsKey(name)) {
                presence("column " + subject, b.containsKey(name), null);
                continue;
            }
            Map<String, String> ba = b.get(name).attributes();
            Map<String, String> aa = a.get(name).attributes();
            for (String attribute : union(ba.keySet(), aa.keySet())) {
                changed(Severity.CHANGED, subject, attribute, ba.get(attribute), aa.get(attribute));
            }
            comment(subject, b.get(name).comment(), a.get(name).comment());
        }
        List<String> orderBefore = before.columns().stream().map(Column::name).filter(a::containsKey).toList();
        List<String> orderAfter = after.columns().stream().map(Column::name).filter(b::containsKey).toList();
        if (!orderBefore.equals(orderAfter)) {
            add(Severity.COSMETIC, before.name(), before.name() + ": column order (" + String.join(", ", orderBefore)
                    + ") before, (" + String.join(", ", orderAfter) + ") " + when);
        }
    }

    private void properties(String table, Map<String, String> before, Map<String, String> after) {
        for (String property : union(before.keySet(), after.keySet())) {
            changed(Severity.CHANGED, table, property, before.get(property), after.get(property));
        }
    }

    private void objects(Map<String, SchemaObject> before, Map<String, SchemaObject> after) {
        List<SchemaObject> missing = new ArrayList<>();
        List<SchemaObject> extra = new ArrayList<>();
        for (String key : union(before.keySet(), after.keySet())) {
            SchemaObject b = before.get(key);
            SchemaObject a = after.get(key);
            if (a == null) {
                missing.add(b);
            } else if (b == null) {
                extra.add(a);
            } else {
                if (!Objects.equals(b.definition(), a.definition())) {
                    boolean labels = b.kind().equals(SchemaObject.ENUM);
                    changed(Severity.CHANGED, b.describe(), labels ? "labels" : "definition",
                            b.definition(), a.definition());
                }
                comment(b.describe(), b.comment(), a.comment());
            }
        }
        Set<SchemaObject> renamedTo = new HashSet<>();
        for (SchemaObject gone : missing) {
            SchemaObject renamed = extra.stream().filter(o -> !renamedTo.contains(o) && sameButName(gone, o))
                    .findFirst().orElse(null);
            if (renamed != null) {
                renamedTo.add(renamed);
                add(Severity.COSMETIC, gone.describe(), gone.describe() + ": named " + renamed.name() + " " + when
                        + " (same definition)");
            } else {
                presence(gone.describe(), true, gone.definition());
            }
        }
        extra.stream().filter(o -> !renamedTo.contains(o)).forEach(o -> presence(o.describe(), false, o.definition()));
    }

    private static boolean sameButName(SchemaObject a, SchemaObject b) {
        return a.kind().equals(b.kind()) && Objects.equals(a.table(), b.table())
                && Objects.equals(a.definition(), b.definition());
    }

    private void presence(String subject, boolean wasThere, String definition) {
        String shown = definition == null || definition.isBlank() ? "" : " (" + shorten(definition) + ")";
        add(Severity.ERROR, subject, subject + (wasThere ? ": present before" + shown + ", missing " + when
                : ": absent before, present " + when + shown));
    }

    private void comment(String subject, String before, String after) {
        changed(Severity.COSMETIC, subject, "comment", quoted(before), quoted(after));
    }

    private void changed(Severity severity, String subject, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            add(severity, subject, subject + ": " + what + " " + shown(before) + " before, " + shown(after) + " "
                    + when);
        }
    }

    private void add(Severity severity, String subject, String message) {
        differences.add(new Difference(severity, subject, message));
    }

    private static String shown(String value) {
        return value == null ? "none" : shorten(value);
    }

    private static String quoted(String value) {
        return value == null ? null : "'" + value + "'";
    }

    /** Definitions on one line, long ones cut: a message must stay readable in a build log. */
    static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 197) + "...";
    }

    private static Map<String, Column> byName(List<Column> columns) {
        Map<String, Column> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        return byName;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
