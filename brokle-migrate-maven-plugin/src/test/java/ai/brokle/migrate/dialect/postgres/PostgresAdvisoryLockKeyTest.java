package ai.brokle.migrate.dialect.postgres;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lock key golang-migrate computes, checked against the values its own tests publish. */
class PostgresAdvisoryLockKeyTest {

    @Test
    void keysMatchGolangMigrate() {
        assertEquals(1764327054L, PostgresAdvisoryLock.golangMigrateKey("database_name"));
        assertEquals(3244152297L, PostgresAdvisoryLock.golangMigrateKey("database_name", "schema_name_1"));
        assertEquals(810103531L, PostgresAdvisoryLock.golangMigrateKey("database_name", "schema_name_2"));
    }

    @Test
    void tableNamesAreQuotedAndMayNameASchema() {
        assertEquals("\"user\"", PostgresNames.Table.parse("user").sql());
        assertEquals("\"other\".\"Schema_Migrations\"", PostgresNames.Table.parse("other.Schema_Migrations").sql());
        assertEquals("\"a\"\"b\"", PostgresNames.quote("a\"b"));
    }
}
