package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.RowGroup.PlannedRow;
import ai.brokle.migrate.seed.SeedPlan.TablePlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Prints what a seed would do: tables in write order with row counts, and one statement with its first row. */
final class DryRunPrinter {

    private final Consumer<String> log;

    DryRunPrinter(Consumer<String> log) {
        this.log = log;
    }

    void print(String file, Seeder.Destination destination, SeedPlan plan, boolean reset) {
        String prefix = "[" + destination.datasource() + "] ";
        SeedStore store = destination.store();
        int rows = plan.rowCount();
        log.accept(prefix + "dry run of " + file + " on " + destination.displayUrl() + ": " + plan.tables().size()
                + " table(s), " + rows + " row(s), in foreign-key order; nothing is written");
        if (reset) {
            log.accept(prefix + "reset would first delete every row, in this order:");
            for (TablePlan table : plan.childrenFirst()) {
                log.accept(prefix + "  " + store.deleteStatement(table.schema()) + ";");
            }
        }
        int width = plan.tables().stream().mapToInt(t -> t.schema().name().length()).max().orElse(0);
        for (int i = 0; i < plan.tables().size(); i++) {
            TablePlan table = plan.tables().get(i);
            log.accept(prefix + String.format("%3d. %-" + width + "s ", i + 1, table.schema().name())
                    + (table.csv() != null ? "rows of " + table.csv().shown() + " (" + String.join(",",
                    table.csv().columns()) + ")" : String.format("%6d row(s)", table.rowCount())));
        }
        plan.tables().stream().filter(t -> !t.groups().isEmpty()).findFirst().ifPresent(table -> {
            RowGroup group = table.groups().get(0);
            PlannedRow row = group.rows().get(0);
            log.accept(prefix + "sample statement for " + table.schema().name() + " (values are data, never SQL "
                    + "text):");
            log.accept(prefix + "  " + store.writeStatement(table.schema(), group) + ";");
            log.accept(prefix + "  -- values of the row at " + row.location() + ": " + display(row.values()));
        });
    }

    static String display(Object[] values) {
        List<String> shown = new ArrayList<>();
        for (Object value : values) {
            shown.add(display(value));
        }
        return "(" + String.join(", ", shown) + ")";
    }

    private static String display(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DryRunPrinter::display).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> display(e.getKey()) + ": " + display(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        String text = value.toString();
        return "'" + (text.length() > 80 ? text.substring(0, 77) + "..." : text).replace("'", "''") + "'";
    }
}
