package ai.brokle.migrate.source;

import ai.brokle.migrate.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invalid migration directories: each problem names its file (and line), all reported together. */
class MigrationDirectoryErrorsTest extends MigrationDirectoryFixture {

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
}
