package ai.brokle.migrate.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Brokle's Go CLI (golang-migrate v4) on the same database and migration directory, written from golang-migrate's
 * {@code migrate.go} (runMigrations: per migration SetVersion(target, dirty) → run → SetVersion(target, clean); the
 * target of a down of the first migration is -1) and its drivers' SetVersion: PostgreSQL truncates then inserts, and
 * inserts nothing for a clean nil version but (-1, dirty) for a dirty one; ClickHouse appends (version, dirty,
 * sequence = time in nanoseconds). Reading: PostgreSQL the one row, ClickHouse the highest sequence; none = -1.
 */
final class GoMigrate {

    private static final Pattern FILE = Pattern.compile("(\\d+)_(.+)\\.(up|down)\\.sql");
    private static final long NIL = -1;

    private final Db db;
    private final Path dir;

    GoMigrate(Db db, Path dir) {
        this.db = db;
        this.dir = dir;
    }

    /** {@code migrate up [N]} (N = null: all). @return what happened, as the CLI would print it */
    String up(Integer limit) throws SQLException {
        open();
        long[] current = version();
        if (current[1] != 0) {
            return "error: Dirty database version " + current[0] + ". Fix and force version.";
        }
        Map<Long, String> ups = files("up");
        if (current[0] != NIL && !ups.containsKey(current[0]) && !files("down").containsKey(current[0])) {
            return "error: no migration found for version " + current[0];
        }
        List<Long> next = ups.keySet().stream().filter(v -> v > current[0]).limit(limit == null ? Long.MAX_VALUE : limit)
                .toList();
        if (next.isEmpty()) {
            return "no change";
        }
        for (long version : next) {
            String error = migrate(version, version, ups.get(version));
            if (error != null) {
                return error;
            }
        }
        return "applied " + next;
    }

    /** {@code migrate down N}: from the current version back through the files, to -1 at the first. */
    String down(int limit) throws SQLException {
        open();
        long[] current = version();
        if (current[1] != 0) {
            return "error: Dirty database version " + current[0] + ". Fix and force version.";
        }
        if (current[0] == NIL) {
            return "no change";
        }
        Map<Long, String> downs = files("down");
        TreeMap<Long, String> all = new TreeMap<>(files("up"));
        all.putAll(downs);
        long from = current[0];
        List<Long> done = new ArrayList<>();
        for (int i = 0; i < limit && from != NIL; i++) {
            if (!all.containsKey(from)) {
                return "error: no migration found for version " + from;
            }
            Long previous = all.lowerKey(from);
            long target = previous == null ? NIL : previous;
            // a version without a down file is rolled back as an empty migration
            String error = migrate(from, target, downs.getOrDefault(from, ""));
            if (error != null) {
                return error;
            }
            done.add(from);
            from = target;
        }
        return "rolled back " + done;
    }

    /** {@code migrate force V}: SetVersion(V, clean), nothing else; V = -1 means none. */
    String force(long version) throws SQLException {
        open();
        setVersion(version, false);
        return "forced " + version;
    }

    /** runMigrations for one migration: dirty target, the body, clean target. @return the error, or null */
    private String migrate(long version, long target, String body) throws SQLException {
        setVersion(target, true);
        try {
            run(body);
        } catch (SQLException e) {
            return "error: migration " + version + " failed: " + e.getMessage().lines().findFirst().orElse("");
        }
        setVersion(target, false);
        return null;
    }

    /**
     * PostgreSQL: the whole file in one Exec (lib/pq's simple protocol runs a multi-statement string as one implicit
     * transaction; golang-migrate does not know {@code -- +migrate notransaction}). ClickHouse: x-multi-statement
     * splits on ';' and runs each non-blank part.
     */
    private void run(String body) throws SQLException {
        List<String> statements = Stream.of(body.split(";")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--")))
                .toList();
        if (db instanceof PostgresDb postgres) {
            postgres.inTransaction(statements);
        } else {
            for (String sql : statements) {
                db.execute(sql);
            }
        }
    }

    /** The drivers' ensureVersionTable, run when the CLI opens the database. */
    private void open() throws SQLException {
        db.execute(db instanceof PostgresDb
                ? "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint not null primary key, dirty boolean not null)"
                : "CREATE TABLE IF NOT EXISTS schema_migrations (version Int64, dirty UInt8, sequence UInt64) Engine=TinyLog");
    }

    private long[] version() throws SQLException {
        String sql = db instanceof PostgresDb ? "SELECT version, dirty FROM schema_migrations LIMIT 1"
                : "SELECT version, dirty FROM schema_migrations ORDER BY sequence DESC LIMIT 1";
        try (Statement s = db.connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? new long[]{rs.getLong(1), rs.getBoolean(2) ? 1 : 0} : new long[]{NIL, 0};
        }
    }

    private void setVersion(long version, boolean dirty) throws SQLException {
        if (db instanceof PostgresDb postgres) {
            List<String> sql = new ArrayList<>(List.of("TRUNCATE schema_migrations"));
            if (version >= 0 || (version == NIL && dirty)) {
                sql.add("INSERT INTO schema_migrations (version, dirty) VALUES (" + version + ", " + dirty + ")");
            }
            postgres.inTransaction(sql);
        } else {
            // time.Now().UnixNano(); kept above the last row so that a fast test machine cannot tie two writes
            long sequence = System.currentTimeMillis() * 1_000_000L;
            for (long[] row : ((ClickHouseDb) db).rows()) {
                sequence = Math.max(sequence, row[2] + 1);
            }
            db.execute("INSERT INTO schema_migrations (version, dirty, sequence) VALUES (" + version + ", "
                    + (dirty ? 1 : 0) + ", " + sequence + ")");
        }
    }

    private Map<Long, String> files(String direction) {
        Map<Long, String> bodies = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.toList()) {
                Matcher m = FILE.matcher(file.getFileName().toString());
                if (m.matches() && m.group(3).equals(direction)) {
                    bodies.put(Long.parseLong(m.group(1)), Files.readString(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bodies;
    }
}
