package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.UserError;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.dialect.Dialect;
import ai.brokle.migrate.dialect.Dialects;
import ai.brokle.migrate.source.InvalidMigrationException;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.source.MigrationDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationCreatorTest {

    /** 2024-03-05 06:07:08 UTC, shown to the creator in a non-UTC zone to prove the timestamp is UTC. */
    private static final Instant NOW = Instant.parse("2024-03-05T06:07:08Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path base;

    private final MigrationCreator creator = new MigrationCreator(CLOCK);

    private DatasourceConfig datasource(String name, Path dir) {
        return new DatasourceConfig(Dialects.of(name), null, null, null, name.equals("postgres"), dir,
                "schema_migrations", null);
    }

    private List<Path> create(Path dir, String name) {
        return creator.create(datasource("postgres", dir), Dialects.of("postgres"), name);
    }

    private void touch(Path dir, String... names) throws IOException {
        Files.createDirectories(dir);
        for (String name : names) {
            Files.writeString(dir.resolve(name), "SELECT 1;");
        }
    }

    private List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void emptyDirectoryStartsAtOneWithSixDigits() throws IOException {
        Path dir = base.resolve("migrations");
        List<Path> files = create(dir, "create_users");
        assertEquals(List.of(dir.resolve("000001_create_users.up.sql"), dir.resolve("000001_create_users.down.sql")),
                files);
        assertEquals(List.of("000001_create_users.down.sql", "000001_create_users.up.sql"), fileNames(dir));
    }

    @Test
    void missingDirectoryIsCreated() {
        Path dir = base.resolve("db/migrations/postgres");
        create(dir, "init");
        assertTrue(Files.isRegularFile(dir.resolve("000001_init.up.sql")));
    }

    @Test
    void templatesAreWritten() throws IOException {
        Path dir = base.resolve("migrations");
        List<Path> files = create(dir, "create_users");
        Dialect dialect = Dialects.of("postgres");
        assertEquals(dialect.template("create_users", true, NOW), Files.readString(files.get(0), StandardCharsets.UTF_8));
        assertEquals(dialect.template("create_users", false, NOW), Files.readString(files.get(1), StandardCharsets.UTF_8));
        assertTrue(Files.readString(files.get(0)).contains("create_users"));
    }

    @Test
    void clickHouseTemplatesAreWritten() throws IOException {
        Path dir = base.resolve("migrations/clickhouse");
        List<Path> files = creator.create(datasource("clickhouse", dir), Dialects.of("clickhouse"), "events");
        Dialect dialect = Dialects.of("clickhouse");
        assertEquals(dialect.template("events", true, NOW), Files.readString(files.get(0)));
        assertEquals(dialect.template("events", false, NOW), Files.readString(files.get(1)));
    }

    @Test
    void createdFilesLoadAsTheNextMigration() throws IOException {
        Path dir = base.resolve("migrations");
        touch(dir, "000001_init.up.sql");
        create(dir, "add_users");
        List<Migration> migrations = MigrationDirectory.load(dir, "postgres");
        assertEquals(List.of("000001_init", "000002_add_users"), migrations.stream().map(Migration::id).toList());
    }

    @Test
    void continuesTheSixDigitSequence() throws IOException {
        Path dir = base.resolve("migrations");
        touch(dir, "000001_init.up.sql", "000001_init.down.sql", "000041_b.up.sql", "000009_a.up.sql");
        List<Path> files = create(dir, "add_feature_table");
        assertEquals(dir.resolve("000042_add_feature_table.up.sql"), files.get(0));
        assertEquals(dir.resolve("000042_add_feature_table.down.sql"), files.get(1));
    }

    @Test
    void keepsTheWidthOfTheLastVersion() throws IOException {
        Path dir = base.resolve("migrations");
        touch(dir, "0007_x.up.sql");
        assertEquals(dir.resolve("0008_next.up.sql"), create(dir, "next").get(0));

        Path unpadded = base.resolve("unpadded");
        touch(unpadded, "1_a.up.sql", "2_b.up.sql");
        assertEquals(unpadded.resolve("3_c.up.sql"), create(unpadded, "c").get(0));
    }

    @Test
    void sequenceGrowsPastItsWidth() throws IOException {
        Path dir = base.resolve("migrations");
        touch(dir, "999999_last.up.sql");
        assertEquals(dir.resolve("1000000_more.up.sql"), create(dir, "more").get(0));
    }

    @Test
    void timestampDirectoryGetsAUtcTimestamp() throws IOException {
        Path dir = base.resolve("migrations");
        touch(dir, "20240101000000_init.up.sql", "20240201120000_users.up.sql");
        List<Path> files = create(dir, "add_index");
        assertEquals(dir.resolve("20240305060708_add_index.up.sql"), files.get(0));
        assertEquals(dir.resolve("20240305060708_add_index.down.sql"), files.get(1));
        List<Migration> migrations = MigrationDirectory.load(dir, "postgres");
        assertEquals(20240305060708L, migrations.get(migrations.size() - 1).version());
    }

    @Test
    void timestampIsAlwaysAfterTheLastVersion() throws IOException {
        Path dir = base.resolve("migrations");
        touch(dir, "20240305060708_same_second.up.sql");
        List<Path> sameSecond = create(dir, "next");
        assertEquals(dir.resolve("20240305060709_next.up.sql"), sameSecond.get(0));

        Path future = base.resolve("future");
        touch(future, "20991231000000_from_a_fast_clock.up.sql");
        String created = create(future, "later").get(0).getFileName().toString();
        long version = Long.parseLong(created.substring(0, created.indexOf('_')));
        assertTrue(version > 20991231000000L, created);
        assertEquals(20991231000001L, version);
    }

    @Test
    void nineteenDigitVersionsAreContinuedAboveTheLastOne() throws IOException {
        Path dir = base.resolve("migrations");
        touch(dir, "9000000000000000000_big.up.sql");
        assertEquals(dir.resolve("9000000000000000001_next.up.sql"), create(dir, "next").get(0));
    }

    @Test
    void lastVersionAtLongMaxValueLeavesNoNextVersion() throws IOException {
        Path dir = base.resolve("migrations");
        touch(dir, "9223372036854775807_max.up.sql");
        MigrateException e = assertThrows(MigrateException.class, () -> create(dir, "next"));
        assertTrue(e.getMessage().contains("9223372036854775807_max.up.sql"), e.getMessage());
        assertEquals(List.of("9223372036854775807_max.up.sql"), fileNames(dir), "nothing written");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "AddUsers", "add-users", "add users", "1st_table", "_private", "add.users",
            "add_users.up", "../escape", "ünïcode"})
    void invalidNamesAreRejectedWithAnExample(String name) throws IOException {
        Path dir = base.resolve("migrations");
        touch(dir, "000001_init.up.sql");
        MigrateException e = assertThrows(MigrateException.class, () -> create(dir, name));
        assertTrue(e.getMessage().contains("-Dbrokle.migrate.name="), e.getMessage());
        assertTrue(e.getMessage().contains("-Dbrokle.migrate.db=postgres"), e.getMessage());
        assertInstanceOf(UserError.class, e);
        assertEquals(List.of("000001_init.up.sql"), fileNames(dir), "nothing written");
        assertFalse(Files.exists(base.resolve("escape.up.sql")));
    }

    @Test
    void invalidDirectoryIsReportedAndNothingIsWritten() throws IOException {
        Path dir = base.resolve("migrations");
        touch(dir, "000001_init.up.sql", "bad.sql");
        assertThrows(InvalidMigrationException.class, () -> create(dir, "next"));
        assertEquals(List.of("000001_init.up.sql", "bad.sql"), fileNames(dir));
    }

    @Test
    void neverOverwritesAnExistingUpFile() throws IOException {
        Path dir = base.resolve("migrations");
        touch(dir, "000001_init.up.sql");
        // a directory of the same name is invisible to the loader but blocks the file
        Path blocker = Files.createDirectory(dir.resolve("000002_next.up.sql"));
        Files.writeString(blocker.resolve("keep.txt"), "precious");
        MigrateException e = assertThrows(MigrateException.class, () -> create(dir, "next"));
        assertTrue(e.getMessage().contains("000002_next.up.sql"), e.getMessage());
        assertTrue(e.getMessage().contains("never overwritten"), e.getMessage());
        assertEquals("precious", Files.readString(blocker.resolve("keep.txt")));
        assertFalse(Files.exists(dir.resolve("000002_next.down.sql")), "no half-created pair");
    }

    @Test
    void neverOverwritesAnExistingDownFileAndLeavesNoHalfPair() throws IOException {
        Path dir = base.resolve("migrations");
        touch(dir, "000001_init.up.sql");
        Files.createDirectory(dir.resolve("000002_next.down.sql"));
        MigrateException e = assertThrows(MigrateException.class, () -> create(dir, "next"));
        assertTrue(e.getMessage().contains("000002_next.down.sql"), e.getMessage());
        assertTrue(e.getMessage().contains("never overwritten"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("000002_next.up.sql")), "the up file written first is removed again");
        assertTrue(Files.isDirectory(dir.resolve("000002_next.down.sql")));
    }

    @Test
    void twoCreationsGetTwoVersions() throws IOException {
        Path dir = base.resolve("migrations");
        create(dir, "first");
        create(dir, "second");
        assertEquals(List.of("000001_first.down.sql", "000001_first.up.sql", "000002_second.down.sql",
                "000002_second.up.sql"), fileNames(dir));
    }
}
