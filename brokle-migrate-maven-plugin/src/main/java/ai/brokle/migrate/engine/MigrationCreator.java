package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.config.ConfigurationException;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.dialect.Dialect;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.source.MigrationDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the next {@code .up.sql}/{@code .down.sql} pair, continuing the directory's scheme: the next sequence number
 * with the same width, or a UTC timestamp where the directory uses 14-digit versions. Needs no database.
 */
public final class MigrationCreator {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final int TIMESTAMP_DIGITS = 14;

    private final Clock clock;

    public MigrationCreator(Clock clock) {
        this.clock = clock;
    }

    public List<Path> create(DatasourceConfig datasource, Dialect dialect, String name) {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new ConfigurationException("brokle.migrate.name=" + (name == null ? "(not set)" : name) + " is not a "
                    + "valid migration name: use snake_case letters, digits and '_', starting with a letter. "
                    + "Example: mvn brokle-migrate:create -Dbrokle.migrate.db=" + datasource.name()
                    + " -Dbrokle.migrate.name=add_users_table");
        }
        Path dir = datasource.dir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new MigrationNotCreatedException(dir + ": cannot create the migration directory (" + e.getMessage()
                    + "). Fix its permissions or set brokle.migrate." + datasource.name() + ".dir.");
        }
        List<Migration> existing = MigrationDirectory.load(dir, datasource.name());
        for (Migration migration : existing) {
            if (migration.name().equals(name)) {
                throw new MigrationNotCreatedException(migration.upFile() + " already uses the name " + name + ": two "
                        + "migrations of one name are easy to confuse in status and logs. Choose another name, e.g. "
                        + "-Dbrokle.migrate.name=" + name + "_2 or one that says what this migration changes.");
            }
        }
        Instant now = clock.instant();
        String version = nextVersion(existing, now);
        String stem = version + "_" + name;
        Path up = dir.resolve(stem + ".up.sql");
        Path down = dir.resolve(stem + ".down.sql");
        write(up, dialect.template(name, true, now));
        try {
            write(down, dialect.template(name, false, now));
        } catch (MigrateException e) {
            deleteQuietly(up);
            throw e;
        }
        return List.of(up, down);
    }

    private static String nextVersion(List<Migration> existing, Instant now) {
        if (existing.isEmpty()) {
            return String.format("%06d", 1);
        }
        Migration last = existing.get(existing.size() - 1);
        if (last.version() == Long.MAX_VALUE) {
            throw new MigrationNotCreatedException(last.upFile() + " has the largest possible version, so no migration can "
                    + "follow it. Renumber it to a smaller version.");
        }
        int width = last.id().indexOf('_');
        if (width >= TIMESTAMP_DIGITS) {
            long timestamp = Long.parseLong(TIMESTAMP.format(now));
            return Long.toString(Math.max(timestamp, last.version() + 1));
        }
        return String.format("%0" + width + "d", last.version() + 1);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new MigrationNotCreatedException(file + " already exists and is never overwritten. Choose another name.");
        } catch (IOException e) {
            throw new MigrationNotCreatedException(file + ": cannot be written (" + e.getMessage() + ").");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the write error is what matters
        }
    }
}
