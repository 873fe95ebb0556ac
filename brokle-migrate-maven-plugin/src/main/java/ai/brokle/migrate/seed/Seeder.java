package ai.brokle.migrate.seed;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.seed.SeedPlan.TablePlan;
import ai.brokle.migrate.seed.SeedResult.TableResult;
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
 * Loads a seed set: plans every datasource's part of it (reading only), then writes each in its own transaction
 * and commits only when all of them succeeded, so any problem leaves nothing written where the database has
 * transactions (ClickHouse is written only after the whole file was checked). With reset, the seeded tables are
 * emptied first, children before parents, after the destructive step was confirmed; a dry run prints the plans.
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
        Map<Destination, SeedPlan> plans = new LinkedHashMap<>();
        for (Destination destination : destinations) {
            if (!set.tables(destination.datasource()).isEmpty()) {
                plans.put(destination, plan(set, destination, now, reset));
            }
        }
        if (dryRun) {
            plans.forEach((destination, plan) -> new DryRunPrinter(log).print(set.file(), destination, plan, reset));
            List<TableResult> results = new ArrayList<>();
            plans.forEach((destination, plan) -> plan.tables().forEach(table -> results.add(new TableResult(
                    destination.datasource(), table.schema().name(), table.rowCount(), 0, 0, 0, 0))));
            return new SeedResult(set.file(), true, reset, results, List.of());
        }
        if (reset && !plans.isEmpty()) {
            confirm.accept(resetAction(set.file(), plans));
        }
        List<TableResult> results = new ArrayList<>();
        try {
            for (Map.Entry<Destination, SeedPlan> entry : plans.entrySet()) {
                results.addAll(write(set.file(), entry.getKey(), entry.getValue(), reset));
            }
            for (Destination destination : plans.keySet()) {
                destination.store().commit();
            }
        } catch (SQLException e) {
            plans.keySet().forEach(d -> d.store().rollback());
            throw new InternalFailure("Seeding " + set.file() + " failed and was rolled back: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            plans.keySet().forEach(d -> d.store().rollback());
            throw e;
        }
        return new SeedResult(set.file(), false, reset, results, List.of());
    }

    private SeedPlan plan(SeedSet set, Destination destination, Instant now, boolean reset) {
        try {
            return new SeedPlanner(set.file(), destination.store(), now, reset).plan(set.tables(
                    destination.datasource()));
        } catch (SQLException e) {
            throw new InternalFailure("[" + destination.datasource() + "] cannot read the tables of " + set.file()
                    + " from the database: " + e.getMessage() + ". Check the connection and privileges.", e);
        }
    }

    private List<TableResult> write(String file, Destination destination, SeedPlan plan, boolean reset)
            throws SQLException {
        SeedStore store = destination.store();
        long start = System.nanoTime();
        long csvFiles = plan.tables().stream().filter(t -> t.csv() != null).count();
        log.accept("[" + destination.datasource() + "] seeding " + file + ": " + plan.tables().size()
                + " table(s), " + plan.rowCount() + " row(s)" + (csvFiles == 0 ? "" : " and " + csvFiles
                + " CSV file(s)") + " on " + destination.displayUrl());
        store.begin();
        Map<String, Long> deleted = new HashMap<>();
        if (reset) {
            for (TablePlan table : plan.childrenFirst()) {
                deleted.put(table.schema().name(), empty(destination, table.schema()));
            }
        }
        List<TableResult> results = new ArrayList<>();
        for (TablePlan table : plan.tables()) {
            WriteCounts counts = table.csv() != null ? store.load(table.schema(), table.csv()) : WriteCounts.NONE;
            for (RowGroup group : table.groups()) {
                counts = counts.plus(store.write(table.schema(), group));
            }
            int rows = table.csv() != null ? (int) (counts.inserted() + counts.updated() + counts.unchanged())
                    : table.rowCount();
            results.add(new TableResult(destination.datasource(), table.schema().name(), rows, counts.inserted(),
                    counts.updated(), counts.unchanged(), deleted.getOrDefault(table.schema().name(), 0L)));
        }
        log.accept("[" + destination.datasource() + "] wrote " + results.stream().mapToInt(TableResult::rows).sum()
                + " row(s) in " + (System.nanoTime() - start) / 1_000_000 + " ms");
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

    private static String resetAction(String file, Map<Destination, SeedPlan> plans) {
        return "delete every row of the seeded tables before loading " + file + ": " + plans.entrySet().stream()
                .map(e -> e.getKey().datasource() + " (" + e.getKey().displayUrl() + ") " + e.getValue()
                        .childrenFirst().stream().map(t -> t.schema().name()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
