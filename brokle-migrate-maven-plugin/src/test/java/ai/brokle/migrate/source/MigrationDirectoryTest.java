package ai.brokle.migrate.source;

import ai.brokle.migrate.UserError;
import ai.brokle.migrate.sql.SqlStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading a migration directory: ordering, up/down pairs and sections, encodings, and what is ignored. */
class MigrationDirectoryTest extends MigrationDirectoryFixture {

    private static List<Long> versions(List<Migration> migrations) {
        return migrations.stream().map(Migration::version).toList();
    }

    // ------------------------------------------------------------------ ordering

    @Test
    void emptyDirectoryHasNoMigrations() {
        assertEquals(List.of(), MigrationDirectory.load(dir, "postgres"));
    }

    @Test
    void missingDirectoryIsAnErrorNamingIt() {
        Path missing = dir.resolve("nope");
        InvalidMigrationException e = assertThrows(InvalidMigrationException.class,
                () -> MigrationDirectory.load(missing, "postgres"));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertInstanceOf(UserError.class, e);
    }

    @Test
    void aMissingDirectoryNamesItsOwnDatasourcesParameter() {
        Path missing = dir.resolve("nope");
        assertTrue(assertThrows(InvalidMigrationException.class, () -> MigrationDirectory.load(missing, "postgres"))
                .getMessage().contains("(e.g. -Dbrokle.migrate.postgres.dir=...) at it."));
        assertTrue(assertThrows(InvalidMigrationException.class, () -> MigrationDirectory.load(missing, "clickhouse"))
                .getMessage().contains("(e.g. -Dbrokle.migrate.clickhouse.dir=...) at it."));
    }

    @Test
    void sortsByNumericVersionNotByName() throws IOException {
        write("10_c.up.sql", "SELECT 10;");
        write("2_b.up.sql", "SELECT 2;");
        write("1_a.up.sql", "SELECT 1;");
        write("000003_d.up.sql", "SELECT 3;");
        write("0100_e.up.sql", "SELECT 100;");
        List<Migration> migrations = MigrationDirectory.load(dir, "postgres");
        assertEquals(List.of(1L, 2L, 3L, 10L, 100L), versions(migrations));
        assertEquals(List.of("1_a", "2_b", "000003_d", "10_c", "0100_e"),
                migrations.stream().map(Migration::id).toList());
    }

    @Test
    void fourteenDigitTimestampsSortAfterSequenceNumbers() throws IOException {
        write("20240115103000_add_index.up.sql", "SELECT 1;");
        write("20231201000000_create_users.up.sql", "SELECT 1;");
        write("000005_legacy.up.sql", "SELECT 1;");
        assertEquals(List.of(5L, 20231201000000L, 20240115103000L), versions(MigrationDirectory.load(dir, "postgres")));
    }

    @Test
    void versionUpToLongMaxValueIsAccepted() throws IOException {
        write("9223372036854775807_max.up.sql", "SELECT 1;");
        write("9223372036854775806_almost.up.sql", "SELECT 1;");
        write("1_first.up.sql", "SELECT 1;");
        List<Migration> migrations = MigrationDirectory.load(dir, "postgres");
        assertEquals(List.of(1L, Long.MAX_VALUE - 1, Long.MAX_VALUE), versions(migrations));
        assertEquals("9223372036854775807_max", migrations.get(2).id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808_over.up.sql", "12345678901234567890_twenty.up.sql",
            "99999999999999999999_max.up.sql"})
    void versionBeyondLongIsAnError(String fileName) throws IOException {
        write(fileName, "SELECT 1;");
        InvalidMigrationException e = invalid();
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains(dir.resolve(fileName).toString()), e.getMessage());
    }

    // ------------------------------------------------------------------ pairs and sections

    @Test
    void readsUpAndDownPair() throws IOException {
        Path up = write("000001_create_users.up.sql", "CREATE TABLE users (id int);\n");
        Path down = write("000001_create_users.down.sql", "DROP TABLE users;\n");
        List<Migration> migrations = MigrationDirectory.load(dir, "postgres");
        assertEquals(1, migrations.size());
        Migration m = migrations.get(0);
        assertAll(
                () -> assertEquals(1L, m.version()),
                () -> assertEquals("000001_create_users", m.id()),
                () -> assertEquals("create_users", m.name()),
                () -> assertEquals("CREATE TABLE users (id int);\n", m.upSql()),
                () -> assertEquals("DROP TABLE users;\n", m.downSql()),
                () -> assertEquals(up, m.upFile()),
                () -> assertEquals(down, m.downFile()),
                () -> assertFalse(m.downSql().isBlank()),
                () -> assertTrue(m.transactional()));
    }

    @Test
    void nameMayContainDigitsDashesAndUnderscores() throws IOException {
        write("000007_add-index_2.up.sql", "SELECT 1;");
        Migration m = MigrationDirectory.load(dir, "postgres").get(0);
        assertEquals("000007_add-index_2", m.id());
        assertEquals("add-index_2", m.name());
    }

    @Test
    void missingDownFileMeansNothingToUndo() throws IOException {
        write("000001_a.up.sql", "CREATE TABLE a (id int);");
        Migration m = MigrationDirectory.load(dir, "postgres").get(0);
        assertTrue(m.downSql().isBlank());
        assertNull(m.downFile());
        assertEquals(List.of(), SPLITTER.split(m.downSql()));
    }

    @Test
    void commentOnlyDownFileHasNoStatements() throws IOException {
        write("000001_a.up.sql", "CREATE TABLE a (id int);");
        Path down = write("000001_a.down.sql", "-- Undo the up migration here, e.g.\n-- DROP TABLE a;\n/* ; */\n");
        Migration m = MigrationDirectory.load(dir, "postgres").get(0);
        assertEquals(down, m.downFile());
        assertEquals(List.of(), SPLITTER.split(m.downSql()));
    }

    @Test
    void emptyDownFileMeansNothingToUndo() throws IOException {
        write("000001_a.up.sql", "CREATE TABLE a (id int);");
        write("000001_a.down.sql", "\n  \n");
        assertTrue(MigrationDirectory.load(dir, "postgres").get(0).downSql().isBlank());
    }

    @Test
    void migrateSectionsFileIsSplitIntoUpAndDownKeepingLineNumbers() throws IOException {
        Path file = write("000002_sections.up.sql", String.join("\n",
                "-- a file in sql-migrate style",          // 1
                "-- +migrate Up",                          // 2
                "CREATE TABLE t (id int);",                // 3
                "CREATE INDEX t_id ON t (id);",            // 4
                "",                                        // 5
                "-- +migrate Down",                        // 6
                "DROP TABLE t;",                           // 7
                ""));
        Migration m = MigrationDirectory.load(dir, "postgres").get(0);
        assertEquals(file, m.upFile());
        assertEquals(file, m.downFile());
        assertFalse(m.downSql().isBlank());
        assertTrue(m.transactional());
        assertEquals(List.of(new SqlStatement(1, 3, "CREATE TABLE t (id int)"),
                new SqlStatement(2, 4, "CREATE INDEX t_id ON t (id)")), SPLITTER.split(m.upSql()));
        assertEquals(List.of(new SqlStatement(1, 7, "DROP TABLE t")), SPLITTER.split(m.downSql()));
        assertFalse(m.upSql().contains("DROP"), m.upSql());
        assertFalse(m.downSql().contains("CREATE"), m.downSql());
        assertFalse(m.upSql().contains("+migrate"), m.upSql());
    }

    @Test
    void sectionsMayComeInEitherOrderAndMarkersAreCaseInsensitive() throws IOException {
        write("000002_sections.up.sql", "--  +MIGRATE down\nDROP TABLE t;\n-- +migrate UP\nCREATE TABLE t (id int);\n");
        Migration m = MigrationDirectory.load(dir, "postgres").get(0);
        assertEquals(List.of(new SqlStatement(1, 4, "CREATE TABLE t (id int)")), SPLITTER.split(m.upSql()));
        assertEquals(List.of(new SqlStatement(1, 2, "DROP TABLE t")), SPLITTER.split(m.downSql()));
    }

    @Test
    void sectionsFileWithoutDownSectionHasNothingToUndo() throws IOException {
        write("000003_up_only.up.sql", "-- +migrate Up\nCREATE TABLE t (id int);\n");
        Migration m = MigrationDirectory.load(dir, "postgres").get(0);
        assertTrue(m.downSql().isBlank());
        assertEquals(List.of("CREATE TABLE t (id int)"),
                SPLITTER.split(m.upSql()).stream().map(SqlStatement::sql).toList());
    }

    @Test
    void notransactionMarkerInSectionsFile() throws IOException {
        write("000004_concurrently.up.sql", "-- +migrate notransaction\n-- +migrate Up\n"
                + "CREATE INDEX CONCURRENTLY i ON t (id);\n-- +migrate Down\nDROP INDEX CONCURRENTLY i;\n");
        Migration m = MigrationDirectory.load(dir, "postgres").get(0);
        assertFalse(m.transactional());
        assertEquals(List.of("CREATE INDEX CONCURRENTLY i ON t (id)"),
                SPLITTER.split(m.upSql()).stream().map(SqlStatement::sql).toList());
        assertEquals(List.of("DROP INDEX CONCURRENTLY i"),
                SPLITTER.split(m.downSql()).stream().map(SqlStatement::sql).toList());
    }

    @Test
    void notransactionMarkerInPlainUpFile() throws IOException {
        write("000004_concurrently.up.sql", "-- +migrate notransaction\nCREATE INDEX CONCURRENTLY i ON t (id);\n");
        write("000005_normal.up.sql", "-- +migrate transaction please\nCREATE TABLE x (id int);\n");
        List<Migration> migrations = MigrationDirectory.load(dir, "postgres");
        assertFalse(migrations.get(0).transactional());
        assertTrue(migrations.get(1).transactional());
    }

    @Test
    void statementBeginMarkersDoNotMakeASectionsFile() throws IOException {
        write("000001_fn.up.sql", "-- +migrate StatementBegin\nSELECT 1; SELECT 2;\n-- +migrate StatementEnd\n");
        write("000001_fn.down.sql", "SELECT 3;");
        Migration m = MigrationDirectory.load(dir, "postgres").get(0);
        assertEquals(List.of("SELECT 1; SELECT 2"), SPLITTER.split(m.upSql()).stream().map(SqlStatement::sql).toList());
        assertEquals("SELECT 3;", m.downSql());
    }

    // ------------------------------------------------------------------ encoding

    @Test
    void bomAndCrlfAreAcceptedAndNormalised() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "-- é\r\nCREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(text, 0, withBom, bom.length, text.length);
        writeBytes("000001_a.up.sql", withBom);
        writeBytes("000001_a.down.sql", "DROP TABLE b;\rDROP TABLE a;\r".getBytes(StandardCharsets.UTF_8));
        Migration m = MigrationDirectory.load(dir, "postgres").get(0);
        assertEquals("-- é\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\n", m.upSql());
        assertEquals("DROP TABLE b;\nDROP TABLE a;\n", m.downSql());
        assertEquals(List.of(new SqlStatement(1, 2, "CREATE TABLE a (id int)"),
                new SqlStatement(2, 3, "CREATE TABLE b (id int)")), SPLITTER.split(m.upSql()));
    }

    @Test
    void crlfSectionsFileIsRecognised() throws IOException {
        writeBytes("000001_a.up.sql", "-- +migrate Up\r\nCREATE TABLE a (id int);\r\n-- +migrate Down\r\nDROP TABLE a;\r\n"
                .getBytes(StandardCharsets.UTF_8));
        Migration m = MigrationDirectory.load(dir, "postgres").get(0);
        assertEquals(List.of(new SqlStatement(1, 2, "CREATE TABLE a (id int)")), SPLITTER.split(m.upSql()));
        assertEquals(List.of(new SqlStatement(1, 4, "DROP TABLE a")), SPLITTER.split(m.downSql()));
    }

    @Test
    void nonUtf8FileIsAnErrorNamingTheFileAndLine() throws IOException {
        Path file = writeBytes("000001_latin1.up.sql",
                "-- comment\nINSERT INTO t VALUES ('caf\u00e9');\n".getBytes(StandardCharsets.ISO_8859_1));
        InvalidMigrationException e = invalid();
        assertEquals(1, e.problems().size(), e.getMessage());
        String problem = e.problems().get(0);
        assertTrue(problem.contains(file.toString()), problem);
        assertTrue(problem.contains("UTF-8"), problem);
        assertTrue(problem.contains("line 2"), problem);
    }

    @Test
    void nonUtf8DownFileIsReportedToo() throws IOException {
        write("000001_a.up.sql", "SELECT 1;");
        Path down = writeBytes("000001_a.down.sql", new byte[]{'S', 'E', 'L', (byte) 0xFF, ';'});
        InvalidMigrationException e = invalid();
        assertTrue(e.getMessage().contains(down.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    // ------------------------------------------------------------------ what is ignored

    @Test
    void nonSqlFilesAndDirectoriesAreIgnored() throws IOException {
        write("README.md", "# migrations");
        write(".gitkeep", "");
        write("000002_notes.txt", "not sql");
        write("000003_x.up.sql.bak", "SELECT 1;");
        Files.createDirectory(dir.resolve("clickhouse"));
        Files.writeString(dir.resolve("clickhouse").resolve("000001_ch.up.sql"), "SELECT 1;");
        Files.createDirectory(dir.resolve("000009_dir.up.sql"));
        write("000001_a.up.sql", "SELECT 1;");
        assertEquals(List.of("000001_a"), MigrationDirectory.load(dir, "postgres").stream().map(Migration::id).toList());
    }
}
