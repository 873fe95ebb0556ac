package ai.brokle.migrate.source;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing migration file names. */
class MigrationFileNameTest {

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
