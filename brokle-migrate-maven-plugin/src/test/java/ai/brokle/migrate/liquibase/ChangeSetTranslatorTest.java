package ai.brokle.migrate.liquibase;

import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.sql.SqlSyntax;
import ai.brokle.migrate.sql.StatementSplitter;
import liquibase.change.Change;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeSetTranslatorTest {

    private static final String UP = "-- create the tables\nCREATE TABLE a (id int);\n\n"
            + "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nINSERT INTO a VALUES (1)\n";
    private static final String DOWN = "DROP FUNCTION f();\n-- then\nDROP TABLE a;\n";

    private static ChangeSetTranslator postgres() {
        return new ChangeSetTranslator("postgres", new StatementSplitter(SqlSyntax.POSTGRES));
    }

    private static Migration migration(String id, String up, String down, boolean transactional) {
        Path dir = Path.of("migrations");
        return new Migration(Long.parseLong(id.substring(0, id.indexOf('_'))), id, up, down,
                dir.resolve(id + ".up.sql"), down.isEmpty() ? null : dir.resolve(id + ".down.sql"), transactional);
    }

    private static List<String> sql(List<Change> changes) {
        return changes.stream().map(c -> assertInstanceOf(RawSQLChange.class, c).getSql()).toList();
    }

    @Test
    void changeSetIdentity() {
        ChangeSet changeSet = postgres().translate(migration("000042_add_feature_table", UP, DOWN, true)).changeSet();
        assertEquals("000042_add_feature_table", changeSet.getId());
        assertEquals(ChangeSetTranslator.AUTHOR, changeSet.getAuthor());
        assertEquals("brokle-migrate", changeSet.getAuthor());
        assertEquals("brokle-migrate/postgres", changeSet.getFilePath());
        assertEquals("brokle-migrate/postgres", ChangeSetTranslator.logicalPath("postgres"));
        assertEquals("brokle-migrate/clickhouse", ChangeSetTranslator.logicalPath("clickhouse"));
        assertTrue(changeSet.isRunInTransaction());
    }

    @Test
    void oneRawSqlChangePerUpStatement() {
        TranslatedMigration translated = postgres().translate(migration("000001_init", UP, DOWN, true));
        List<String> expected = List.of("CREATE TABLE a (id int)",
                "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", "INSERT INTO a VALUES (1)");
        assertEquals(expected, sql(translated.changeSet().getChanges()));
        assertEquals(expected, translated.up().stream().map(SqlStatement::sql).toList());
        assertEquals(List.of(2, 4, 5), translated.up().stream().map(SqlStatement::line).toList());
        for (Change change : translated.changeSet().getChanges()) {
            RawSQLChange raw = (RawSQLChange) change;
            assertFalse(raw.isSplitStatements(), "statements are split by our splitter, not Liquibase's");
            assertFalse(raw.isStripComments(), "SQL is sent as written");
        }
    }

    @Test
    void rollbackChangesComeFromTheDownSql() {
        TranslatedMigration translated = postgres().translate(migration("000001_init", UP, DOWN, true));
        List<String> expected = List.of("DROP FUNCTION f()", "DROP TABLE a");
        assertEquals(expected, sql(translated.changeSet().getRollback().getChanges()));
        assertEquals(expected, translated.down().stream().map(SqlStatement::sql).toList());
        assertEquals(List.of(1, 3), translated.down().stream().map(SqlStatement::line).toList());
    }

    @Test
    void noDownOrCommentOnlyDownMeansNoRollbackChanges() {
        for (String down : List.of("", "-- Undo the up migration here, e.g.\n-- DROP TABLE a;\n")) {
            TranslatedMigration translated = postgres().translate(migration("000001_init", UP, down, true));
            assertEquals(List.of(), translated.changeSet().getRollback().getChanges(), down);
            assertEquals(List.of(), translated.down(), down);
            assertEquals(3, translated.changeSet().getChanges().size());
        }
    }

    @Test
    void notransactionMigration() {
        ChangeSet changeSet = postgres().translate(migration("000003_idx",
                "CREATE INDEX CONCURRENTLY i ON a (id);", "", false)).changeSet();
        assertFalse(changeSet.isRunInTransaction());
    }

    @Test
    void clickHouseUsesItsOwnPathAndSyntax() {
        ChangeSetTranslator translator = new ChangeSetTranslator("clickhouse",
                new StatementSplitter(SqlSyntax.CLICKHOUSE));
        TranslatedMigration translated = translator.translate(migration("000001_events",
                "# events\nCREATE TABLE `e;v` (x UInt8) ENGINE = Memory;\nINSERT INTO `e;v` VALUES (1);", "", true));
        assertEquals("brokle-migrate/clickhouse", translated.changeSet().getFilePath());
        assertEquals(List.of("CREATE TABLE `e;v` (x UInt8) ENGINE = Memory", "INSERT INTO `e;v` VALUES (1)"),
                sql(translated.changeSet().getChanges()));
    }

    @Test
    void checksumIsStableForIdenticalContent() {
        String first = postgres().translate(migration("000001_init", UP, DOWN, true)).checksum();
        String again = postgres().translate(migration("000001_init", UP, DOWN, true)).checksum();
        assertEquals(first, again);
        assertTrue(first.matches("\\d+:[0-9a-f]{32}"), "a Liquibase MD5SUM: " + first);

        Migration moved = new Migration(1, "000001_init", UP, DOWN, Path.of("/elsewhere/000001_init.up.sql"),
                Path.of("/elsewhere/000001_init.down.sql"), true);
        assertEquals(first, postgres().translate(moved).checksum(), "the directory is not part of the checksum");
    }

    @Test
    void checksumChangesWhenTheUpSqlChanges() {
        String original = postgres().translate(migration("000001_init", UP, DOWN, true)).checksum();
        String edited = postgres().translate(migration("000001_init",
                UP.replace("INSERT INTO a VALUES (1)", "INSERT INTO a VALUES (2)"), DOWN, true)).checksum();
        String extraStatement = postgres().translate(migration("000001_init", UP + ";SELECT 1;", DOWN, true))
                .checksum();
        assertNotEquals(original, edited);
        assertNotEquals(original, extraStatement);
        assertNotEquals(edited, extraStatement);
    }
}
