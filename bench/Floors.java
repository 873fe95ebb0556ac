import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.change.CheckSum;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The floors of issue 11's P2 and P3 targets: one piece of work that any `status` or `seed` within the project's
 * rules must do, alone in a fresh JVM (bench/lib/floors.sh runs each as its own process, next to `empty`, which
 * starts the same JVM and does nothing, so a floor is its time minus `empty`'s). Usage:
 *   Floors empty
 *   Floors yaml-events FILE        SnakeYAML's parser over the file, events only (no nodes, no tag resolution)
 *   Floors yaml-compose FILE       SnakeYAML's composer, as the plugin reads a seed (nodes with their lines)
 *   Floors checksums DIR           read every *.up.sql and compute its Liquibase checksum (one raw-SQL change each)
 *   Floors history URL USER        connect, open Liquibase's database, read DATABASECHANGELOG (its history service)
 *   Floors select URL USER         connect, read DATABASECHANGELOG with one plain SELECT (no Liquibase)
 */
public final class Floors {

    public static void main(String[] args) throws Exception {
        long count = switch (args[0]) {
            case "empty" -> 0;
            case "yaml-events" -> yamlEvents(Path.of(args[1]));
            case "yaml-compose" -> yamlCompose(Path.of(args[1]));
            case "checksums" -> checksums(Path.of(args[1]));
            case "history" -> history(args[1], args[2]);
            case "select" -> select(args[1], args[2]);
            default -> throw new IllegalArgumentException("unknown floor " + args[0]);
        };
        System.out.println(args[0] + ": " + count);
    }

    private static LoaderOptions yamlOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setProcessComments(false);
        return options;
    }

    private static long yamlEvents(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file)) {
            ParserImpl parser = new ParserImpl(new StreamReader(reader), yamlOptions());
            long events = 0;
            while (!parser.checkEvent(Event.ID.StreamEnd)) {
                parser.getEvent();
                events++;
            }
            return events;
        }
    }

    private static long yamlCompose(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file)) {
            LoaderOptions options = yamlOptions();
            return new Composer(new ParserImpl(new StreamReader(reader), options), new Resolver(), options)
                    .getSingleNode().getStartMark().getLine();
        }
    }

    private static long checksums(Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".up.sql")).sorted().toList();
        }
        long distinct = 0;
        CheckSum previous = null;
        for (Path file : files) {
            ChangeSet changeSet = new ChangeSet(file.getFileName().toString(), "floors", false, false,
                    "migrations", null, null, null);
            changeSet.addChange(new RawSQLChange(Files.readString(file)));
            CheckSum sum = changeSet.generateCheckSum(ChecksumVersion.latest());
            distinct += sum.equals(previous) ? 0 : 1;
            previous = sum;
        }
        return distinct;
    }

    private static Connection connect(String url, String user) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        return new org.postgresql.Driver().connect(url, properties);
    }

    private static long history(String url, String user) throws Exception {
        try (Connection connection = connect(url, user)) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            return Scope.child(Map.of(), () -> ChangeLogHistoryServiceFactory.getInstance()
                    .getChangeLogService(database).getRanChangeSets().size());
        }
    }

    private static long select(String url, String user) throws Exception {
        try (Connection connection = connect(url, user); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, author, filename, md5sum, exectype, orderexecuted "
                     + "FROM databasechangelog ORDER BY dateexecuted, orderexecuted")) {
            long n = 0;
            while (rows.next()) {
                n += rows.getString(4) == null ? 0 : 1;
            }
            return n;
        }
    }
}
