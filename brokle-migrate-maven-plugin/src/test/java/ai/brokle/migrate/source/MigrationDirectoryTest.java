package ai.brokle.migrate.source;

import ai.brokle.migrate.UserError;
import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.sql.SqlSyntax;
import ai.brokle.migrate.sql.StatementSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

class MigrationDirectoryTest {

    private static final StatementSplitter SPLITTER = new StatementSplitter(SqlSyntax.POSTGRES);

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path writeBytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static List<Long> versions(List<Migration> migrations) {
        return migrations.stream().map(Migration::version).toList();
    }

    private InvalidMigrationException invalid() {
        return assertThrows(InvalidMigrationException.class, () -> MigrationDirectory.load(dir, "postgres"));
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

    // ------------------------------------------------------------------ errors

    @Test
    void duplicateVersionWithDifferentNamesIsAnError() throws IOException {
        Path a = write("1_a.up.sql", "SELECT 1;");
        Path b = write("01_b.up.sql", "SELECT 1;");
        InvalidMigrationException e = invalid();
        assertEquals(1, e.problems().size(), e.getMessage());
        String problem = e.problems().get(0);
        assertTrue(problem.contains(a.toString()) && problem.contains(b.toString()), problem);
        assertTrue(problem.contains("version 1"), problem);
    }

    @Test
    void sameVersionAndNameWithDifferentWidthIsADuplicate() throws IOException {
        write("1_a.up.sql", "SELECT 1;");
        write("0001_a.up.sql", "SELECT 1;");
        InvalidMigrationException e = invalid();
        assertTrue(e.getMessage().contains("1_a.up.sql") && e.getMessage().contains("0001_a.up.sql"),
                e.getMessage());
    }

    @Test
    void downFileOfAnotherNameWithTheSameVersionIsAnError() throws IOException {
        write("000001_a.up.sql", "SELECT 1;");
        Path down = write("000001_b.down.sql", "SELECT 1;");
        InvalidMigrationException e = invalid();
        assertTrue(e.getMessage().contains(down.toString()), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1_x.sql", "abc_x.up.sql", "000001_.up.sql", "000001.up.sql", "000001_x.UP.sql",
            "000001_x.up.SQL", "_x.up.sql", "-1_x.up.sql", "000001_x.sideways.sql", "000001_x y.up.sql",
            "000001__x.up.sql", "000001_x.up.down.sql"})
    void unparseableNameIsAnErrorNamingTheFile(String fileName) throws IOException {
        Path file = write(fileName, "SELECT 1;");
        InvalidMigrationException e = invalid();
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains(file.toString()), e.getMessage());
        assertTrue(e.problems().get(0).contains("000001_create_users.up.sql"), "shows an example: " + e.getMessage());
    }

    @Test
    void downWithoutUpIsAnError() throws IOException {
        write("000001_a.up.sql", "SELECT 1;");
        Path orphan = write("000002_b.down.sql", "SELECT 1;");
        InvalidMigrationException e = invalid();
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains(orphan.toString()), e.getMessage());
        assertTrue(e.problems().get(0).contains("000002_b.up.sql"), "names the missing file: " + e.getMessage());
    }

    @Test
    void sectionsFilePlusSeparateDownFileIsAnError() throws IOException {
        Path up = write("000001_a.up.sql", "-- +migrate Up\nSELECT 1;\n-- +migrate Down\nSELECT 2;\n");
        Path down = write("000001_a.down.sql", "SELECT 2;");
        InvalidMigrationException e = invalid();
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains(up.toString()), e.getMessage());
        assertTrue(e.problems().get(0).contains(down.toString()), e.getMessage());
    }

    @Test
    void sqlBeforeTheUpMarkerIsAnErrorWithItsLine() throws IOException {
        Path file = write("000001_a.up.sql", "-- fine\nSELECT 0;\n-- +migrate Up\nSELECT 1;\n");
        InvalidMigrationException e = invalid();
        assertTrue(e.problems().get(0).contains(file.toString()), e.getMessage());
        assertTrue(e.problems().get(0).contains("line 2"), e.getMessage());
    }

    @Test
    void downSectionWithoutUpSectionIsAnError() throws IOException {
        Path file = write("000001_a.up.sql", "-- +migrate Down\nDROP TABLE a;\n");
        InvalidMigrationException e = invalid();
        assertTrue(e.problems().get(0).contains(file.toString()), e.getMessage());
        assertTrue(e.problems().get(0).contains("no '-- +migrate Up' section"), e.getMessage());
    }

    @Test
    void secondUpSectionIsAnErrorWithItsLine() throws IOException {
        write("000001_a.up.sql", "-- +migrate Up\nSELECT 1;\n-- +migrate Up\nSELECT 2;\n");
        InvalidMigrationException e = invalid();
        assertTrue(e.problems().get(0).contains("line 3"), e.getMessage());
    }

    @Test
    void severalProblemsAreReportedTogether() throws IOException {
        Path badName = write("1_x.sql", "SELECT 1;");
        Path badPrefix = write("abc_x.up.sql", "SELECT 1;");
        Path emptyName = write("000001_.up.sql", "SELECT 1;");
        Path dup1 = write("000002_a.up.sql", "SELECT 1;");
        Path dup2 = write("02_b.up.sql", "SELECT 1;");
        Path orphan = write("000003_c.down.sql", "SELECT 1;");
        Path latin1 = writeBytes("000004_d.up.sql", new byte[]{'S', (byte) 0xE9, '\n'});
        Path sections = write("000005_e.up.sql", "-- +migrate Up\nSELECT 1;\n");
        write("000005_e.down.sql", "SELECT 2;");
        write("000006_fine.up.sql", "SELECT 1;");

        InvalidMigrationException e = invalid();
        assertEquals(7, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("7 invalid migration files"), e.getMessage());
        for (Path file : List.of(badName, badPrefix, emptyName, orphan, latin1, sections)) {
            assertTrue(e.getMessage().contains(file.toString()), file + " in " + e.getMessage());
        }
        assertTrue(e.getMessage().contains(dup1.getFileName().toString())
                && e.getMessage().contains(dup2.getFileName().toString()), e.getMessage());
        for (String problem : e.problems()) {
            assertTrue(problem.startsWith(dir.toString()), "each problem names its file: " + problem);
            assertTrue(e.getMessage().contains(problem), e.getMessage());
        }
    }

    @Test
    void singleProblemMessage() throws IOException {
        write("1_x.sql", "SELECT 1;");
        InvalidMigrationException e = invalid();
        assertTrue(e.getMessage().startsWith("Invalid migration file (nothing was applied):"), e.getMessage());
        assertInstanceOf(UserError.class, e);
    }

    // ------------------------------------------------------------------ MigrationFileName

    @Test
    void fileNameParsing() {
        MigrationFileName up = MigrationFileName.parse("000042_add_feature_table.up.sql").orElseThrow();
        assertEquals(new MigrationFileName(42, "000042_add_feature_table", true), up);
        MigrationFileName down = MigrationFileName.parse("20240115103000_x.down.sql").orElseThrow();
        assertEquals(new MigrationFileName(20240115103000L, "20240115103000_x", false), down);
        assertEquals(0L, MigrationFileName.parse("0_zero.up.sql").orElseThrow().version());
        assertEquals(Long.MAX_VALUE, MigrationFileName.parse("9223372036854775807_x.up.sql").orElseThrow().version());
        assertTrue(MigrationFileName.parse("9223372036854775808_x.up.sql").isEmpty());
        assertTrue(MigrationFileName.parse("10000000000000000000_x.up.sql").isEmpty());
        assertTrue(MigrationFileName.parse("1_x.sql").isEmpty());
        assertTrue(MigrationFileName.parse("000001_.up.sql").isEmpty());
        assertTrue(MigrationFileName.parse("abc_x.up.sql").isEmpty());
    }

    @Test
    void candidatesAreSqlFiles() {
        assertTrue(MigrationFileName.isCandidate("1_x.up.sql"));
        assertTrue(MigrationFileName.isCandidate("anything.SQL"));
        assertFalse(MigrationFileName.isCandidate("README.md"));
        assertFalse(MigrationFileName.isCandidate("1_x.up.sql.bak"));
    }
}
