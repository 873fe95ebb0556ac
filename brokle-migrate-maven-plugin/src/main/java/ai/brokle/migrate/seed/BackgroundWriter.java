package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.SeedStore.WriteCounts;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes row groups on a second thread, in the order they are handed over, so the database stores the first rows
 * of a large seed while the planner still checks and converts the later ones. It runs inside the store's open
 * transaction: whoever uses it rolls back on any error, so an error found later still leaves nothing written.
 * <p>
 * After a write fails, groups handed over later are dropped (the planner goes on, so a problem in the file is still
 * reported before a refusal by the database, as when nothing is written before planning ends), and
 * {@link #finish()} throws the failure.
 */
final class BackgroundWriter implements AutoCloseable {

    private record Task(TableSchema table, RowGroup group) {
    }

    private static final Task END = new Task(null, null);

    private final SeedStore store;
    /** Few groups in flight: the planner waits rather than piling up rows the writer has not reached yet. */
    private final BlockingQueue<Task> tasks = new ArrayBlockingQueue<>(2);
    /** Counts per table; touched by the writer thread only, read after it ended. */
    private final Map<String, WriteCounts> counts = new HashMap<>();
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean abandoned;
    private boolean ended;

    BackgroundWriter(SeedStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "brokle-migrate-seed-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a group of rows for writing (or drops it once a write has failed). */
    void write(TableSchema table, RowGroup group) {
        if (failure == null) {
            put(new Task(table, group));
        }
    }

    /** Waits until every queued group is written; returns what the writes did, per table. */
    Map<String, WriteCounts> finish() throws SQLException {
        end();
        if (failure instanceof SQLException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return counts;
    }

    /** Stops after the write in progress, dropping queued groups: planning failed and the caller rolls back. */
    @Override
    public void close() {
        abandoned = true;
        end();
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        boolean interrupted = false; // the transaction must not be used again while the writer still may
        while (true) {
            try {
                tasks.put(END);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Task task) {
        try {
            tasks.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned = true;
            throw new IllegalStateException("seeding was interrupted", e);
        }
    }

    private void run() {
        while (true) {
            Task task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                continue; // only END ends the writer: the planner may still be handing over groups
            }
            if (task == END) {
                return;
            }
            if (failure == null && !abandoned) {
                try {
                    counts.merge(task.table().name(), store.write(task.table(), task.group()), WriteCounts::plus);
                } catch (Throwable e) {
                    failure = e;
                }
            }
        }
    }
}
