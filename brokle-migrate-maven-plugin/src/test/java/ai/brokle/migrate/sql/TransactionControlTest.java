package ai.brokle.migrate.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionControlTest {

    private static final StatementSplitter SPLITTER = new StatementSplitter(SqlSyntax.POSTGRES);

    @ParameterizedTest
    @ValueSource(strings = {"COMMIT", "commit work", "BEGIN", "begin transaction isolation level serializable",
            "START TRANSACTION", "END", "end transaction", "ROLLBACK", "rollback work", "ABORT",
            "PREPARE TRANSACTION 'x'", "COMMIT PREPARED 'x'", "ROLLBACK PREPARED 'x'", "COMMIT AND CHAIN",
            "-- done\nCOMMIT", "/* block */ COMMIT"})
    void findsStatementsThatEndOrStartATransaction(String sql) {
        assertTrue(TransactionControl.isControl(new SqlStatement(1, 1, sql)), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SAVEPOINT a", "ROLLBACK TO SAVEPOINT a", "rollback to a", "ROLLBACK WORK TO SAVEPOINT a",
            "RELEASE SAVEPOINT a", "CREATE TABLE commits (id int)", "SELECT 'COMMIT'", "begin_date",
            "DO $$ BEGIN PERFORM 1; END $$", "UPDATE t SET ended = true", "endpoint"})
    void leavesOtherStatementsAlone(String sql) {
        assertFalse(TransactionControl.isControl(new SqlStatement(1, 1, sql)), sql);
    }

    @org.junit.jupiter.api.Test
    void namesTheFirstControllingStatementWithItsLine() {
        var found = TransactionControl.find(SPLITTER.split("""
                CREATE FUNCTION f() RETURNS void AS $$
                BEGIN
                  COMMIT;
                END;
                $$ LANGUAGE plpgsql;
                CREATE TABLE a (id int);
                COMMIT;
                SELECT 1/0;
                """));
        assertTrue(found.isPresent());
        assertEquals(7, found.get().line());
        assertEquals("COMMIT", found.get().sql());
    }
}
