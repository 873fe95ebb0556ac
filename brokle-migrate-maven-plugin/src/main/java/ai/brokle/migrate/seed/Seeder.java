package ai.brokle.migrate.seed;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.seed.SeedPlan.TablePlan;
import ai.brokle.migrate.seed.SeedResult.TableResult;
import ai.brokle.migrate.seed.SeedSet.SeedTable;
import ai.brokle.migrate.seed.SeedStore.WriteCounts;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Loads a seed set: checks every datasource's part of it, writes each in its own transaction and commits only when
 * all of them succeeded, so any problem leaves nothing written. With reset, the seeded tables are emptied first,
 * children before parents, after the destructive step was confirmed; a reset or a dry run plans everything before
 * it deletes, asks or prints anything.
 * <p>
 * Otherwise a transactional datasource (PostgreSQL) is written while it is planned: a {@link BackgroundWriter}
 * stores the first rows of a large table while the planner converts the later ones, and an error found later rolls
 * the transaction back. A datasource without transactions (ClickHouse) is written only after every part is planned.
 */
public final class Seeder {

    /** One datasource to seed: the part of the file it loads and the store that writes it. */
    public record Destination(String datasource, String displayUrl, SeedStore store) {
    }

    private final Clock clock;
    private final Consumer<String> log;
    private final Consumer<String> confirm;

    /**
     * @param log     receives progress lines
     * @param confirm asked before anything destructive, with a description of it; throws to refuse
     */
    public Seeder(Clock clock, Consumer<String> log, Consumer<String> confirm) {
        this.clock = clock;
        this.log = log;
        this.confirm = confirm;
    }

    public SeedResult run(SeedSet set, List<Destination> destinations, boolean reset, boolean dryRun) {
        Instant now = clock.instant();
        if (!reset && !dryRun) {
            return load(set, destinations, now);
        }
        Map<Destination, SeedPlan> plans = new LinkedHashMap<>();
        for (Destination destination : destinations) {
            if (!set.tables(destination.datasource()).isEmpty()) {
                plans.put(destination, plan(set, destination, now, reset));
            }
        }
        if (dryRun) {
            plans.forEach((destination, plan) -> new DryRunPrinter(log).print(set.file(), destination, plan, reset));
            return new SeedResult(set.file(), true, reset, planned(plans), List.of());
        }
        if (reset && !plans.isEmpty()) {
            confirm.accept(resetAction(set.file(), plans));
        }
        return new SeedResult(set.file(), false, reset, write(set.file(), plans, reset), List.of());
    }

    /** Plans and writes without a reset: see the class comment. */
    private SeedResult load(SeedSet set, List<Destination> destinations, Instant now) {
        Map<Destination, List<TableResult>> results = new LinkedHashMap<>();
        Map<Destination, SeedPlan> later = new LinkedHashMap<>();
        List<String> wrote = new ArrayList<>();
        try {
            for (Destination destination : destinations) {
                if (set.tables(destination.datasource()).isEmpty()) {
                    continue;
                }
                results.put(destination, List.of());
                if (destination.store().transactional() && later.isEmpty()) {
                    results.put(destination, planAndWrite(set, destination, now, wrote));
                } else {
                    later.put(destination, plan(set, destination, now, false, null));
                }
            }
            for (Map.Entry<Destination, SeedPlan> entry : later.entrySet()) {
                results.put(entry.getKey(), writeOne(set.file(), entry.getKey(), entry.getValue(), false));
            }
            wrote.forEach(log);
            for (Destination destination : results.keySet()) {
                destination.store().commit();
            }
        } catch (SQLException e) {
            results.keySet().forEach(d -> d.store().rollback());
            throw new MigrateException("Seeding " + set.file() + " failed and was rolled back: " + e.getMessage(),
                    false, e);
        } catch (RuntimeException e) {
            results.keySet().forEach(d -> d.store().rollback());
            throw e;
        }
        return new SeedResult(set.file(), false, false, results.values().stream().flatMap(List::stream).toList(),
                List.of());
    }

    /**
     * Opens the destination's transaction and plans its part, writing rows as they are planned when the plan needs
     * no lookups (else right after planning). The "wrote" line goes to {@code wrote}, logged once all is planned.
     */
    private List<TableResult> planAndWrite(SeedSet set, Destination destination, Instant now, List<String> wrote)
            throws SQLException {
        SeedStore store = destination.store();
        long start = System.nanoTime();
        List<SeedTable> tables = set.tables(destination.datasource());
        log.accept(seedingLine(set.file(), destination, tables.size(), set.rowCount(destination.datasource())));
        store.begin();
        SeedPlan plan;
        Map<String, WriteCounts> counts;
        try (BackgroundWriter writer = new BackgroundWriter(store)) {
            plan = plan(set, destination, now, false, writer);
            if (!plan.written()) {
                for (TablePlan table : plan.tables()) {
                    table.groups().forEach(group -> writer.write(table.schema(), group));
                }
            }
            counts = writer.finish();
        }
        List<TableResult> results = new ArrayList<>();
        for (TablePlan table : plan.tables()) {
            WriteCounts written = counts.getOrDefault(table.schema().name(), WriteCounts.NONE);
            results.add(new TableResult(destination.datasource(), table.schema().name(), table.rowCount(),
                    written.inserted(), written.updated(), written.unchanged(), 0));
        }
        wrote.add(wroteLine(destination, results, start));
        return results;
    }

    private static String seedingLine(String file, Destination destination, int tables, int rows) {
        return "[" + destination.datasource() + "] seeding " + file + ": " + tables + " table(s), " + rows
                + " row(s) on " + destination.displayUrl();
    }

    private static String wroteLine(Destination destination, List<TableResult> results, long start) {
        return "[" + destination.datasource() + "] wrote " + results.stream().mapToInt(TableResult::rows).sum()
                + " row(s) in " + (System.nanoTime() - start) / 1_000_000 + " ms";
    }

    private SeedPlan plan(SeedSet set, Destination destination, Instant now, boolean reset) {
        return plan(set, destination, now, reset, null);
    }

    private SeedPlan plan(SeedSet set, Destination destination, Instant now, boolean reset,
                          BackgroundWriter writer) {
        try {
            return new SeedPlanner(set.file(), destination.store(), now, reset).plan(set.tables(
                    destination.datasource()), writer);
        } catch (SQLException e) {
            throw new MigrateException("[" + destination.datasource() + "] cannot read the tables of " + set.file()
                    + " from the database: " + e.getMessage() + ". Check the connection and privileges.", false, e);
        }
    }

    private List<TableResult> write(String file, Map<Destination, SeedPlan> plans, boolean reset) {
        List<TableResult> results = new ArrayList<>();
        try {
            for (Map.Entry<Destination, SeedPlan> entry : plans.entrySet()) {
                results.addAll(writeOne(file, entry.getKey(), entry.getValue(), reset));
            }
            for (Destination destination : plans.keySet()) {
                destination.store().commit();
            }
            return results;
        } catch (SQLException e) {
            plans.keySet().forEach(d -> d.store().rollback());
            throw new MigrateException("Seeding " + file + " failed and was rolled back: " + e.getMessage(), false,
                    e);
        } catch (RuntimeException e) {
            plans.keySet().forEach(d -> d.store().rollback());
            throw e;
        }
    }

    private List<TableResult> writeOne(String file, Destination destination, SeedPlan plan, boolean reset)
            throws SQLException {
        SeedStore store = destination.store();
        long start = System.nanoTime();
        log.accept(seedingLine(file, destination, plan.tables().size(),
                plan.tables().stream().mapToInt(TablePlan::rowCount).sum()));
        store.begin();
        Map<String, Long> deleted = new HashMap<>();
        if (reset) {
            for (TablePlan table : plan.childrenFirst()) {
                deleted.put(table.schema().name(), empty(destination, table.schema()));
            }
        }
        List<TableResult> results = new ArrayList<>();
        for (TablePlan table : plan.tables()) {
            WriteCounts counts = WriteCounts.NONE;
            for (RowGroup group : table.groups()) {
                counts = counts.plus(store.write(table.schema(), group));
            }
            results.add(new TableResult(destination.datasource(), table.schema().name(), table.rowCount(),
                    counts.inserted(), counts.updated(), counts.unchanged(),
                    deleted.getOrDefault(table.schema().name(), 0L)));
        }
        log.accept(wroteLine(destination, results, start));
        return results;
    }

    private static long empty(Destination destination, TableSchema table) {
        try {
            return destination.store().deleteAll(table);
        } catch (SQLException e) {
            throw new SeedWriteException("[" + destination.datasource() + "] reset could not empty " + table.name()
                    + ": " + e.getMessage() + ". Nothing was written (rolled back where the database can). A table "
                    + "outside the seed references it without ON DELETE CASCADE: add that table to the seed, or "
                    + "empty it first.", e);
        }
    }

    private static List<TableResult> planned(Map<Destination, SeedPlan> plans) {
        List<TableResult> results = new ArrayList<>();
        plans.forEach((destination, plan) -> plan.tables().forEach(table -> results.add(new TableResult(
                destination.datasource(), table.schema().name(), table.rowCount(), 0, 0, 0, 0))));
        return results;
    }

    private static String resetAction(String file, Map<Destination, SeedPlan> plans) {
        return "delete every row of the seeded tables before loading " + file + ": " + plans.entrySet().stream()
                .map(e -> e.getKey().datasource() + " (" + e.getKey().displayUrl() + ") " + e.getValue()
                        .childrenFirst().stream().map(t -> t.schema().name()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
