package ai.brokle.migrate.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the test PostgreSQL for the benchmark scripts in {@code bench/}: creates the named databases, writes the port
 * to the given file, and serves until its standard input closes.
 */
public final class BenchPostgres {

    private BenchPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path portFile = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            String url = TestPostgres.newDatabase(args[i]);
            System.out.println(args[i] + " " + url);
        }
        Files.writeString(portFile, String.valueOf(TestPostgres.port()));
        while (System.in.read() >= 0) {
            // serve until the script closes our standard input
        }
        System.exit(0);
    }
}
