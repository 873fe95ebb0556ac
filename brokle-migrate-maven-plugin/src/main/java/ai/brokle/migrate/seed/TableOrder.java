package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.SeedSet.SeedTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Orders tables so every row's parents are written first (a topological sort of the foreign keys and references
 * between the seeded tables); ties keep file order. A cycle is an error: no order could satisfy it.
 */
final class TableOrder {

    private TableOrder() {
    }

    /** @param parents table → the seeded tables it references (self-references are ignored) */
    static List<SeedTable> sort(List<SeedTable> tables, Map<String, Set<String>> parents, String file) {
        List<SeedTable> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<SeedTable> remaining = new ArrayList<>(tables);
        while (!remaining.isEmpty()) {
            SeedTable next = remaining.stream().filter(t -> placed.containsAll(parentsOf(t.name(), parents)))
                    .findFirst().orElse(null);
            if (next == null) {
                throw cycle(remaining, parents, file);
            }
            ordered.add(next);
            placed.add(next.name());
            remaining.remove(next);
        }
        return ordered;
    }

    private static Set<String> parentsOf(String table, Map<String, Set<String>> parents) {
        return parents.getOrDefault(table, Set.of()).stream().filter(p -> !p.equals(table))
                .collect(Collectors.toSet());
    }

    private static InvalidSeedException cycle(List<SeedTable> remaining, Map<String, Set<String>> parents,
                                              String file) {
        Set<String> names = remaining.stream().map(SeedTable::name).collect(Collectors.toSet());
        List<String> path = new ArrayList<>();
        String current = remaining.get(0).name();
        while (!path.contains(current)) {
            path.add(current);
            current = parentsOf(current, parents).stream().filter(names::contains).sorted().findFirst()
                    .orElseThrow();
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        loop.add(current);
        SeedTable first = remaining.stream().filter(t -> t.name().equals(loop.get(0))).findFirst().orElseThrow();
        String lines = remaining.stream().filter(t -> loop.contains(t.name()))
                .map(t -> t.name() + " at line " + t.line()).collect(Collectors.joining(", "));
        return new InvalidSeedException(file, first.line(), first.name(), "the foreign keys between the seeded "
                + "tables form a cycle, " + String.join(" -> ", loop) + " (" + lines + "), so no table can be "
                + "written first", "Seed one table of the cycle in a separate file run after this one, or make one "
                + "of the foreign keys nullable and set it in a later seed");
    }
}
