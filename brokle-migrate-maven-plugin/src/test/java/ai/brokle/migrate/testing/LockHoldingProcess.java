package ai.brokle.migrate.testing;

import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.dialect.Dialects;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another process that takes the ClickHouse migration lock and keeps it until it is killed: the way a run killed
 * in the middle of a migration leaves its lock behind.
 */
public final class LockHoldingProcess {

    private LockHoldingProcess() {
    }

    /** Starts the process, waits until it holds the lock on {@code url}, kills it (-9) and waits for its end. */
    public static void holdAndDie(String url) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LockHoldingProcess.class.getName(), url)).redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.equals("HELD")) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                    return;
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("the lock-holding process ended without the lock:\n" + seen);
        } finally {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws Exception {
        DatasourceConfig config = new DatasourceConfig(Dialects.of("clickhouse"), args[0], null, null, false,
                Path.of("."), "schema_migrations", null);
        Connection connection = Dialects.of("clickhouse").connect(args[0], "default", "");
        Dialects.of("clickhouse").lock(connection, config, Duration.ofSeconds(60));
        System.out.println("HELD");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
