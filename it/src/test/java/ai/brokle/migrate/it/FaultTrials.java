package ai.brokle.migrate.it;

import ai.brokle.migrate.it.MavenProject.BuildResult;
import ai.brokle.migrate.it.MavenProject.Running;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the fault tests share: a release pipeline's faults are the Maven JVM killed with SIGKILL at random moments
 * during {@code up}, and two {@code up} runs started at once on the same database. Kill moments are chosen by a seeded
 * {@link Random}; the seed is printed, and {@code -Dit.fault.seed=N} replays a run.
 *
 * <p>A kill moment is "a random point of progress plus a random delay": after the mojo started (connect, lock,
 * tracking tables), or after the k-th "applied" line, then up to about one migration's duration more. So the kills
 * land inside the run whatever the speed of the machine, between and inside migrations.
 */
final class FaultTrials {

    private FaultTrials() {
    }

    static final long SEED = Long.getLong("it.fault.seed", System.nanoTime());
    static final int MIGRATIONS = 30;
    static final int KILL_TRIALS = 10;
    static final int CONCURRENT_TRIALS = 5;
    static final int CONCURRENT_MIGRATIONS = 12;
    private static final Pattern APPLIED = Pattern.compile("\\] applied (\\d{6})_fault_\\d+ \\(");

    static {
        System.out.println("FaultIT seed: " + SEED + " (replay with -Dit.fault.seed=" + SEED + ")");
    }

    // ---- killing ----------------------------------------------------------------------------------------------

    /** When and whom a trial killed. */
    static final class Kill {
        final String moment;
        final long javaPid;

        Kill(String moment, long javaPid) {
            this.moment = moment;
            this.javaPid = javaPid;
        }

        @Override
        public String toString() {
            return "killed " + moment;
        }
    }

    /**
     * Waits for a random point of progress (trial 0: the mojo's start; the last trial: the last migration but one
     * applied; otherwise after a random number of applied migrations), waits 0-50 ms (PostgreSQL) or 0-80 ms
     * (ClickHouse) more, 0-400 ms after the mojo's start, then SIGKILLs the Maven JVM. Should the run end on its own
     * in that moment, the trial checks the finished state instead.
     */
    static Kill killAtRandomMoment(Running running, Random random, int trial, String datasource) {
        int after = trial == 0 ? -1 : trial == KILL_TRIALS - 1 ? MIGRATIONS - 1 : random.nextInt(MIGRATIONS - 1);
        // up to about one migration's duration (PostgreSQL ~55 ms, ClickHouse ~120 ms), so the kill lands inside it
        int extraMillis = random.nextInt(trial == 0 ? 400 : datasource.equals("postgres") ? 50 : 80);
        String marker = after < 0 ? "brokle-migrate-maven-plugin:" : after == 0 ? "[" + datasource + "] applying "
                : "[" + datasource + "] applied " + String.format("%06d_fault_%d (", after, after);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!running.log().contains(marker)) {
            if (!running.process().isAlive()) {
                fail("mvn ended before \"" + marker + "\" (trial " + trial + ", seed " + SEED + "); "
                        + running.logFile() + ":\n" + running.log());
            }
            if (System.nanoTime() > deadline) {
                running.process().descendants().forEach(ProcessHandle::destroyForcibly);
                running.process().destroyForcibly();
                fail("no \"" + marker + "\" within 2 minutes; see " + running.logFile());
            }
            pause(5);
        }
        pause(extraMillis);
        // The mvn script exec's the JVM, so the process is usually the JVM itself; with a wrapper it is a child.
        List<ProcessHandle> jvms = Stream.concat(Stream.of(running.process().toHandle()),
                running.process().descendants()).filter(FaultTrials::isJava).toList();
        running.process().descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL on Linux
        running.process().destroyForcibly();
        try {
            running.process().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (running.process().exitValue() == 0) {
            // the run ended on its own just before the kill: a legitimate moment, after which nothing is pending
            System.out.println("FaultIT " + datasource + " trial " + trial + ": the run finished before the kill");
            return new Kill("after the run finished", -1);
        }
        assertEquals(137, running.process().exitValue(), "mvn must have died of SIGKILL; see " + running.logFile());
        assertEquals(1, jvms.size(), "mvn runs exactly one JVM: " + jvms);
        long javaPid = jvms.get(0).pid();
        String moment = (after < 0 ? "at mojo start" : after == 0 ? "when applying began"
                : "after migration " + after) + " + " + extraMillis + " ms";
        System.out.println("FaultIT " + datasource + " trial " + trial + ": " + moment + " (java pid " + javaPid
                + ")");
        return new Kill(moment, javaPid);
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/java")).orElse(false);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- two up runs at once ----------------------------------------------------------------------------------

    /**
     * Both builds succeed within the timeout (no deadlock) and, between them, apply every migration exactly once: one
     * applies them all, the other waits for the lock and then has nothing to do.
     */
    static void assertEachAppliedOnce(Running a, Running b, String context) {
        BuildResult first = a.await(3, TimeUnit.MINUTES).assertSuccess();
        BuildResult second = b.await(3, TimeUnit.MINUTES).assertSuccess();
        List<Integer> applied = new ArrayList<>();
        for (BuildResult result : List.of(first, second)) {
            Matcher m = APPLIED.matcher(result.log());
            while (m.find()) {
                applied.add(Integer.parseInt(m.group(1)));
            }
        }
        applied.sort(null);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= CONCURRENT_MIGRATIONS; i++) {
            expected.add(i);
        }
        assertEquals(expected, applied, context + "the two runs together apply each migration exactly once");
        // the lock is held for the whole run: the loser waits, then finds nothing to do
        long noChange = Stream.of(first, second).filter(r -> r.log().contains("no change: " + CONCURRENT_MIGRATIONS
                + " of " + CONCURRENT_MIGRATIONS + " migrations applied")).count();
        assertEquals(1, noChange, context + "exactly one run must find nothing to do");
    }

    // ---- recorded state ---------------------------------------------------------------------------------------

    record Version(long version, boolean dirty) {
    }

    static int assertPrefix(Set<Long> versions, String context) {
        Set<Long> expected = new TreeSet<>();
        for (long v = 1; v <= versions.size(); v++) {
            expected.add(v);
        }
        assertEquals(expected, new TreeSet<>(versions), context + "recorded migrations must be 1..n in order");
        return versions.size();
    }
}
