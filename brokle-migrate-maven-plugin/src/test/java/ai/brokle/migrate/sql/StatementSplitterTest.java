package ai.brokle.migrate.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static ai.brokle.migrate.sql.SqlSyntax.CLICKHOUSE;
import static ai.brokle.migrate.sql.SqlSyntax.POSTGRES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class StatementSplitterTest {

    private static List<String> texts(SqlSyntax syntax, String sql) {
        return new StatementSplitter(syntax).split(sql).stream().map(SqlStatement::sql).toList();
    }

    private static Arguments pg(String name, String sql, String... expected) {
        return arguments(name, POSTGRES, sql, List.of(expected));
    }

    private static Arguments ch(String name, String sql, String... expected) {
        return arguments(name, CLICKHOUSE, sql, List.of(expected));
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                // --- basics
                pg("two statements", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n",
                        "CREATE TABLE a (id int)", "CREATE TABLE b (id int)"),
                pg("missing trailing semicolon", "SELECT 1;\nSELECT 2", "SELECT 1", "SELECT 2"),
                pg("single statement without semicolon", "  SELECT 1  \n", "SELECT 1"),
                pg("inner whitespace kept, outer stripped", "\n\n  SELECT\n    1  ;\n", "SELECT\n    1"),
                pg("empty pieces between semicolons dropped", ";;SELECT 1;;\n;SELECT 2;;", "SELECT 1", "SELECT 2"),
                pg("empty input", ""),
                pg("whitespace only", " \n\t\n"),
                pg("semicolons only", ";;\n ;\n"),

                // --- SQL-standard bodies: BEGIN ATOMIC opens one, CASE inside it opens a block, END closes one
                pg("BEGIN ATOMIC body with CASE inside",
                        "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN x > 0 "
                                + "THEN 1 ELSE 0 END;\n  SELECT 2;\nEND;\nCREATE TABLE t (id int);",
                        "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN x > 0 "
                                + "THEN 1 ELSE 0 END;\n  SELECT 2;\nEND", "CREATE TABLE t (id int)"),
                pg("a transaction's BEGIN; and END; still split", "BEGIN;\nSELECT 1;\nEND;\nSELECT 2",
                        "BEGIN", "SELECT 1", "END", "SELECT 2"),
                pg("CASE ... END in a statement", "SELECT CASE WHEN true THEN 1 END; SELECT 2",
                        "SELECT CASE WHEN true THEN 1 END", "SELECT 2"),
                pg("a column named begin does not open a body", "CREATE TABLE p (begin date, \"end\" date);\n"
                        + "SELECT 2", "CREATE TABLE p (begin date, \"end\" date)", "SELECT 2"),
                pg("words that only contain begin, case or end", "SELECT begin_at, end_at, cases FROM t; SELECT 2",
                        "SELECT begin_at, end_at, cases FROM t", "SELECT 2"),
                ch("ClickHouse CASE ... END", "SELECT CASE WHEN 1 THEN 2 END; SELECT 3",
                        "SELECT CASE WHEN 1 THEN 2 END", "SELECT 3"),

                // --- single-quoted strings
                pg("; inside a string", "INSERT INTO t VALUES ('a;b');SELECT 2;",
                        "INSERT INTO t VALUES ('a;b')", "SELECT 2"),
                pg("'' doubling inside a string", "INSERT INTO t VALUES ('it''s; fine');SELECT 2",
                        "INSERT INTO t VALUES ('it''s; fine')", "SELECT 2"),
                pg("doubled quote at the end of a string", "SELECT 'x'''; SELECT 2", "SELECT 'x'''", "SELECT 2"),
                pg("empty string literal", "SELECT '';SELECT 2", "SELECT ''", "SELECT 2"),
                pg("string of one quote", "SELECT '''';SELECT 2", "SELECT ''''", "SELECT 2"),
                pg("-- and /* inside strings are not comments", "SELECT '--;'; SELECT '/*'; SELECT '*/';",
                        "SELECT '--;'", "SELECT '/*'", "SELECT '*/'"),
                pg("$$ inside a string is not a dollar quote", "SELECT '$$'; SELECT 2", "SELECT '$$'", "SELECT 2"),
                pg("PostgreSQL standard string: backslash is literal", "SELECT 'C:\\'; SELECT 2",
                        "SELECT 'C:\\'", "SELECT 2"),
                pg("PostgreSQL E'' string: backslash escapes the quote", "SELECT E'it\\'s; ok'; SELECT 2",
                        "SELECT E'it\\'s; ok'", "SELECT 2"),
                pg("PostgreSQL e'' lower case", "SELECT e'\\''; SELECT 2", "SELECT e'\\''", "SELECT 2"),
                pg("E'' escape string after an operator", "SELECT 'a'||E'\\';x'; SELECT 2",
                        "SELECT 'a'||E'\\';x'", "SELECT 2"),
                pg("keyword ending in E before a string is not an E'' string",
                        "SELECT CASE WHEN true THEN 'a' ELSE'\\' END; SELECT 2",
                        "SELECT CASE WHEN true THEN 'a' ELSE'\\' END", "SELECT 2"),
                pg("unterminated string swallows the rest", "SELECT 'abc; SELECT 2", "SELECT 'abc; SELECT 2"),

                // --- double-quoted identifiers
                pg("; inside a \"quoted identifier\"", "CREATE TABLE \"a;b\" (id int); SELECT 2",
                        "CREATE TABLE \"a;b\" (id int)", "SELECT 2"),
                pg("\"\" doubling inside an identifier", "SELECT 1 AS \"x\"\";y\"; SELECT 2",
                        "SELECT 1 AS \"x\"\";y\"", "SELECT 2"),
                pg("single quote inside an identifier", "SELECT 1 AS \"it's\"; SELECT 2",
                        "SELECT 1 AS \"it's\"", "SELECT 2"),

                // --- dollar quotes (PostgreSQL)
                pg("$$ function body containing ;",
                        "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n"
                                + "$$ LANGUAGE plpgsql;\nSELECT 2;",
                        "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n"
                                + "$$ LANGUAGE plpgsql",
                        "SELECT 2"),
                pg("$tag$ body containing $$ and ;",
                        "DO $body$ BEGIN PERFORM $$a;b$$; RAISE NOTICE 'x;'; END $body$; SELECT 2",
                        "DO $body$ BEGIN PERFORM $$a;b$$; RAISE NOTICE 'x;'; END $body$", "SELECT 2"),
                pg("$fn_1$ tag with digits and underscore",
                        "CREATE FUNCTION g() RETURNS int AS $fn_1$ SELECT 1; $fn_1$ LANGUAGE sql; SELECT 2",
                        "CREATE FUNCTION g() RETURNS int AS $fn_1$ SELECT 1; $fn_1$ LANGUAGE sql", "SELECT 2"),
                pg("quote characters inside a dollar body",
                        "SELECT $$it's \"x; `y$$; SELECT 2", "SELECT $$it's \"x; `y$$", "SELECT 2"),
                pg("$1 parameters are not dollar quotes",
                        "PREPARE p (int, int) AS SELECT $1 + $2; EXECUTE p(1, 2);",
                        "PREPARE p (int, int) AS SELECT $1 + $2", "EXECUTE p(1, 2)"),
                pg("$1 directly before ;", "PREPARE q (int) AS SELECT $1;SELECT $$;$$;",
                        "PREPARE q (int) AS SELECT $1", "SELECT $$;$$"),
                pg("$ inside an identifier is not a dollar quote", "SELECT a$b$ FROM t; SELECT 2",
                        "SELECT a$b$ FROM t", "SELECT 2"),
                pg("unterminated dollar body swallows the rest", "DO $$ BEGIN; SELECT 2", "DO $$ BEGIN; SELECT 2"),

                // --- comments
                pg("-- comment containing ;", "SELECT 1 -- a; b\n;SELECT 2", "SELECT 1 -- a; b", "SELECT 2"),
                pg("/* */ comment containing ;", "SELECT /* ; */ 1; SELECT 2", "SELECT /* ; */ 1", "SELECT 2"),
                pg("quote inside a -- comment", "-- don't\nSELECT 1; SELECT 2", "SELECT 1", "SELECT 2"),
                pg("quote inside a /* */ comment", "/* it's */ SELECT 1; SELECT 2", "SELECT 1", "SELECT 2"),
                pg("dollar quote inside a comment", "-- $$\nSELECT 1; /* $x$ */ SELECT 2", "SELECT 1", "SELECT 2"),
                pg("PostgreSQL block comments nest",
                        "SELECT /* a /* ; */ still comment ; */ 1; SELECT 2",
                        "SELECT /* a /* ; */ still comment ; */ 1", "SELECT 2"),
                pg("nested leading comment is dropped", "/* a /* b */ c; */ SELECT 1;", "SELECT 1"),
                pg("# is an operator in PostgreSQL", "SELECT 5 # 3; SELECT 2", "SELECT 5 # 3", "SELECT 2"),
                pg("# line in PostgreSQL is SQL, not a comment", "# x; SELECT 1", "# x", "SELECT 1"),
                pg("leading comments are not part of the statement",
                        "-- create a\n/* note */\nCREATE TABLE a (id int);", "CREATE TABLE a (id int)"),
                pg("comment-only file", "-- nothing to undo\n/* really\n nothing */\n-- ; still nothing\n"),
                pg("comment-only tail", "SELECT 1;\n-- trailing; comment\n/* done; */\n", "SELECT 1"),
                pg("comment-only file without trailing newline", "-- only a comment"),

                // --- StatementBegin / StatementEnd
                pg("StatementBegin/End block kept whole",
                        "-- +migrate StatementBegin\nCREATE RULE r AS ON INSERT TO t DO ALSO "
                                + "(INSERT INTO log VALUES (1); INSERT INTO log VALUES (2));\n"
                                + "-- +migrate StatementEnd\nSELECT 3;",
                        "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); "
                                + "INSERT INTO log VALUES (2))",
                        "SELECT 3"),
                pg("StatementBegin markers are case-insensitive and tolerate spacing",
                        "SELECT 0;\n  --  +migrate statementbegin  \na; b;\n  -- +Migrate STATEMENTEND\nSELECT 3",
                        "SELECT 0", "a; b", "SELECT 3"),
                pg("StatementBegin without StatementEnd runs to the end", "-- +migrate StatementBegin\na; b;\nc;",
                        "a; b;\nc"),
                pg("StatementBegin mid-statement is only a comment",
                        "SELECT 1\n-- +migrate StatementBegin\n, 2; SELECT 3",
                        "SELECT 1\n-- +migrate StatementBegin\n, 2", "SELECT 3"),

                // --- ClickHouse
                ch("# comment in ClickHouse", "# header; x\nSELECT 1; # it's; a comment\nSELECT 2",
                        "SELECT 1", "SELECT 2"),
                ch("# comment inside a statement", "SELECT 1 # comment; not a statement\n;SELECT 2",
                        "SELECT 1 # comment; not a statement", "SELECT 2"),
                ch("; inside `backticks`", "CREATE TABLE `a;b` (x UInt8) ENGINE = Memory; SELECT 2",
                        "CREATE TABLE `a;b` (x UInt8) ENGINE = Memory", "SELECT 2"),
                ch("`` doubling inside backticks", "SELECT 1 AS `x``;y`; SELECT 2", "SELECT 1 AS `x``;y`",
                        "SELECT 2"),
                ch("backslash-escaped quote", "INSERT INTO t VALUES ('it\\'s; ok'); SELECT 2",
                        "INSERT INTO t VALUES ('it\\'s; ok')", "SELECT 2"),
                ch("escaped backslash before the closing quote", "SELECT 'a\\\\'; SELECT 2", "SELECT 'a\\\\'",
                        "SELECT 2"),
                ch("backslash escape in a double-quoted identifier", "SELECT 1 AS \"a\\\";b\"; SELECT 2",
                        "SELECT 1 AS \"a\\\";b\"", "SELECT 2"),
                ch("backslash escape in backticks", "SELECT 1 AS `a\\`;b`; SELECT 2", "SELECT 1 AS `a\\`;b`",
                        "SELECT 2"),
                ch("'' doubling also works in ClickHouse", "SELECT 'it''s;'; SELECT 2", "SELECT 'it''s;'",
                        "SELECT 2"),
                ch("ClickHouse block comments nest", "/* a /* b; */ c; */ SELECT 1; SELECT 2", "SELECT 1",
                        "SELECT 2"),
                ch("an unclosed nested ClickHouse comment runs to the end", "SELECT 1; /* a /* b */ SELECT 2",
                        "SELECT 1"),
                ch("ClickHouse heredoc", "SELECT $$a; b$$; SELECT 2", "SELECT $$a; b$$", "SELECT 2"),
                ch("ClickHouse heredoc with a name", "SELECT $doc$it's; $$ here$doc$; SELECT 2",
                        "SELECT $doc$it's; $$ here$doc$", "SELECT 2"),
                ch("a dollar inside a ClickHouse name opens nothing", "SELECT 1 AS x$y; SELECT 2 AS z$",
                        "SELECT 1 AS x$y", "SELECT 2 AS z$"),
                ch("-- comment in ClickHouse", "-- a; b\nSELECT 1 -- c; d\n; SELECT 2", "SELECT 1 -- c; d",
                        "SELECT 2"),
                ch("comment-only ClickHouse file", "# nothing\n-- nothing\n/* nothing; */\n"),
                ch("ClickHouse StatementBegin block",
                        "-- +migrate StatementBegin\nCREATE TABLE t (x UInt8) ENGINE = Memory;\n"
                                + "-- +migrate StatementEnd\n",
                        "CREATE TABLE t (x UInt8) ENGINE = Memory"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void splitsIntoStatements(String name, SqlSyntax syntax, String sql, List<String> expected) {
        assertEquals(expected, texts(syntax, sql));
    }

    static Stream<Arguments> numbering() {
        String file = String.join("\n",
                "-- header comment",                                                    // 1
                "",                                                                     // 2
                "CREATE TABLE a (",                                                     // 3
                "  id int",                                                             // 4
                ");",                                                                   // 5
                "/* block",                                                             // 6
                "   comment */ INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);",    // 7
                "",                                                                     // 8
                "-- +migrate StatementBegin",                                           // 9
                "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;",     // 10
                "-- +migrate StatementEnd",                                             // 11
                "SELECT 'multi",                                                        // 12
                "line'; SELECT $$",                                                     // 13
                "body;",                                                                // 14
                "$$;",                                                                  // 15
                "-- trailing",                                                          // 16
                "",                                                                     // 17
                "   SELECT 4");                                                         // 18
        return Stream.of(
                arguments("mixed file", POSTGRES, file, List.of(
                        new SqlStatement(1, 3, "CREATE TABLE a (\n  id int\n)"),
                        new SqlStatement(2, 7, "INSERT INTO a VALUES (1)"),
                        new SqlStatement(3, 7, "INSERT INTO a VALUES (2)"),
                        new SqlStatement(4, 10, "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql"),
                        new SqlStatement(5, 12, "SELECT 'multi\nline'"),
                        new SqlStatement(6, 13, "SELECT $$\nbody;\n$$"),
                        new SqlStatement(7, 18, "SELECT 4"))),
                arguments("blank lines after StatementBegin", POSTGRES,
                        "SELECT 1;\n-- +migrate StatementBegin\n\n\nSELECT 2;\n-- +migrate StatementEnd\nSELECT 3;",
                        List.of(new SqlStatement(1, 1, "SELECT 1"),
                                new SqlStatement(2, 5, "SELECT 2"),
                                new SqlStatement(3, 7, "SELECT 3"))),
                arguments("ClickHouse # and nested comments", CLICKHOUSE,
                        "# one\n# two\nSELECT 1;\n/* x\n/* y */ */\nSELECT '\n';\nSELECT 3",
                        List.of(new SqlStatement(1, 3, "SELECT 1"),
                                new SqlStatement(2, 6, "SELECT '\n'"),
                                new SqlStatement(3, 8, "SELECT 3"))),
                arguments("comment-only file has no statements", POSTGRES, "-- a\n-- b\n", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbering")
    void numbersStatementsAndTheirStartLines(String name, SqlSyntax syntax, String sql,
                                             List<SqlStatement> expected) {
        assertEquals(expected, new StatementSplitter(syntax).split(sql));
    }

    @Test
    void firstLineIsTheFirstLineOfTheStatement() {
        List<SqlStatement> statements = new StatementSplitter(POSTGRES).split("CREATE TABLE a (   \n  id int\n);");
        assertEquals(1, statements.size());
        assertEquals("CREATE TABLE a (", statements.get(0).firstLine());
        assertEquals("SELECT 1", new SqlStatement(1, 1, "SELECT 1").firstLine());
    }

    @Test
    void aSplitterCanBeReused() {
        StatementSplitter splitter = new StatementSplitter(POSTGRES);
        assertEquals(List.of(new SqlStatement(1, 2, "SELECT 1")), splitter.split("\nSELECT 1;"));
        assertEquals(List.of(new SqlStatement(1, 1, "SELECT 2")), splitter.split("SELECT 2"));
    }
}
