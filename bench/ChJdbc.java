import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * P4 contenders without a migration tool: the statements of every {@code *.up.sql} file in a folder, sent over plain
 * JDBC from one process, one request per statement. {@code plain} sends only the statements; {@code bookkeeping} also
 * sends what golang-migrate's protocol and Liquibase's record need per migration: a dirty schema_migrations row, the
 * statements, a clean row, a DATABASECHANGELOG row (the fair floor for a migration tool).
 * Usage: java -cp CLASSPATH ChJdbc URL DIR plain|bookkeeping   (compiled and run by bench/run.sh)
 */
public final class ChJdbc {

    private ChJdbc() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path dir = Path.of(args[1]);
        boolean bookkeeping = args[2].equals("bookkeeping");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".up.sql")).sorted().toList();
        }
        try (Connection c = DriverManager.getConnection(url, "default", ""); Statement s = c.createStatement()) {
            if (bookkeeping) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version Int64, dirty UInt8, sequence UInt64) "
                        + "ENGINE = TinyLog");
                s.execute("CREATE TABLE IF NOT EXISTS DATABASECHANGELOG (ID String, AUTHOR String, FILENAME String, "
                        + "DATEEXECUTED DateTime64, ORDEREXECUTED UInt64, EXECTYPE String, MD5SUM Nullable(String), "
                        + "DESCRIPTION Nullable(String), COMMENTS Nullable(String), TAG Nullable(String), "
                        + "LIQUIBASE Nullable(String), CONTEXTS Nullable(String), LABELS Nullable(String), "
                        + "DEPLOYMENT_ID Nullable(String)) ENGINE = MergeTree ORDER BY ID");
            }
            long sequence = System.nanoTime();
            int order = 0;
            for (Path file : files) {
                String name = file.getFileName().toString();
                long version = Long.parseLong(name.substring(0, name.indexOf('_')));
                if (bookkeeping) {
                    s.execute("INSERT INTO schema_migrations (version, dirty, sequence) VALUES (" + version + ", 1, "
                            + ++sequence + ")");
                }
                for (String sql : Files.readString(file).split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql.strip());
                    }
                }
                if (bookkeeping) {
                    s.execute("INSERT INTO schema_migrations (version, dirty, sequence) VALUES (" + version + ", 0, "
                            + ++sequence + ")");
                    s.execute("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, "
                            + "EXECTYPE, MD5SUM, DESCRIPTION, LIQUIBASE, DEPLOYMENT_ID) VALUES ('" + version
                            + "', 'bench', '" + name + "', now64(), " + ++order + ", 'EXECUTED', '9:bench', "
                            + "'sql', '4.33.0', 'bench')");
                }
            }
        }
    }
}
