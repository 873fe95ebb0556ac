package ai.brokle.migrate.sql;

import ai.brokle.migrate.testing.TestClickHouse;
import ai.brokle.migrate.testing.TestPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The splitter against the servers' own parsers: a generated file holds statements {@code SELECT k AS n, ...} whose
 * literals, quoted names and comments hold {@code ;}, quotes and comment openers. Split by the project's splitter,
 * each piece must be one statement the real server (PostgreSQL; ClickHouse 26 through the project's endpoint) runs,
 * answering {@code k}, in order, starting at the line the generator put it on.
 */
class SplitterAgainstServersProperties {

    /** Select-list items (@: the column's number, keeping names unique) and comments, by database. */
    private static final List<String> COMMON_ITEMS = List.of("'a;b'", "'it''s; ok'", "'--;'", "'/*;'", "'*/;'",
            "$$x;y$$", "$q$a; $$ ;'b$q$", "'$$;'");
    private static final List<String> POSTGRES_ITEMS = List.of("E'a\\';b'", "E'a\\\\'", "U&'d\\0061t;a'",
            "0 AS \"q;x@\"", "0 AS \"q\"\";x@\"", "'\\'", "$body$ $$ ; $body$");
    private static final List<String> CLICKHOUSE_ITEMS = List.of("'a\\';b'", "'a\\\\'", "0 AS `b;t@`",
            "0 AS `b``;t@`", "0 AS \"d;q@\"", "0 AS x$y@", "$doc$it's; $$ fine$doc$");
    private static final List<String> COMMON_COMMENTS = List.of("-- c; 'x\n", "/* c; ' */", "/* a /* b; */ c; */",
            "--\n", "/**/", "/* ; $$ */");
    private static final List<String> CLICKHOUSE_COMMENTS = List.of("# c; 'x\n", "#!x;\n");
    private static final List<String> SEPARATORS = List.of(";\n", "; ", ";\r\n", ";\n\n", ";\n-- between; 'x\n",
            ";\n/* between; */\n", ";;\n", ";\n;\n");

    private static Connection postgres;
    private static Connection clickHouse;

    /** A generated file and what a right split of it is. */
    record File(String text, List<Integer> startLines) {
        @Override
        public String toString() {
            return text.replace("\r", "\\r");
        }
    }

    @BeforeContainer
    static void connect() throws SQLException {
        postgres = TestPostgres.connect(TestPostgres.newDatabase("splitter"));
        clickHouse = TestClickHouse.connect(TestClickHouse.newDatabase("splitter"));
    }

    @AfterContainer
    static void close() throws SQLException {
        postgres.close();
        clickHouse.close();
    }

    @Property(tries = 150)
    void postgresRunsEverySplitStatement(@ForAll("postgresFiles") File file) throws SQLException {
        check(SqlSyntax.POSTGRES, postgres, file);
    }

    @Property(tries = 60)
    void clickHouseRunsEverySplitStatement(@ForAll("clickHouseFiles") File file) throws SQLException {
        check(SqlSyntax.CLICKHOUSE, clickHouse, file);
    }

    private static void check(SqlSyntax syntax, Connection connection, File file) throws SQLException {
        List<SqlStatement> statements = new StatementSplitter(syntax).split(file.text());
        assertEquals(file.startLines().size(), statements.size(), () -> "statements of\n" + file + "\nsplit into "
                + statements);
        try (Statement jdbc = connection.createStatement()) {
            for (SqlStatement statement : statements) {
                assertEquals(file.startLines().get(statement.number() - 1), statement.line(), statement::toString);
                try (ResultSet rows = jdbc.executeQuery(statement.sql())) {
                    rows.next();
                    assertEquals(statement.number(), rows.getLong(1), statement::sql);
                    assertFalse(rows.next(), statement::sql);
                }
                assertFalse(jdbc.getMoreResults(), () -> "more than one statement sent: " + statement.sql());
            }
        }
    }

    @Provide
    Arbitrary<File> postgresFiles() {
        return files(concat(COMMON_ITEMS, POSTGRES_ITEMS), COMMON_COMMENTS);
    }

    @Provide
    Arbitrary<File> clickHouseFiles() {
        return files(concat(COMMON_ITEMS, CLICKHOUSE_ITEMS), concat(COMMON_COMMENTS, CLICKHOUSE_COMMENTS));
    }

    private static Arbitrary<File> files(List<String> items, List<String> comments) {
        // one statement: its items, each maybe preceded by a comment (-1: none)
        Arbitrary<List<int[]>> statement = Combinators.combine(Arbitraries.integers().between(0, items.size() - 1),
                        Arbitraries.integers().between(-1, comments.size() - 1))
                .as((item, comment) -> new int[] {item, comment}).list().ofMaxSize(4);
        return Combinators.combine(statement.list().ofMinSize(1).ofMaxSize(5),
                        Arbitraries.integers().between(0, SEPARATORS.size() - 1).list().ofSize(5),
                        Arbitraries.of("", ";", ";\n", "\n-- end; 'x", ";\n/* end; */\n"))
                .as((shapes, separators, end) -> build(shapes, separators, end, items, comments));
    }

    private static File build(List<List<int[]>> shapes, List<Integer> separators, String end, List<String> items,
                              List<String> comments) {
        StringBuilder text = new StringBuilder();
        List<Integer> lines = new ArrayList<>();
        for (int k = 1; k <= shapes.size(); k++) {
            if (k > 1) {
                text.append(SEPARATORS.get(separators.get(k - 2)));
            }
            lines.add(1 + (int) text.chars().filter(c -> c == '\n').count());
            text.append("SELECT ").append(k).append(" AS n");
            int column = 0;
            for (int[] part : shapes.get(k - 1)) {
                text.append(',').append(part[1] < 0 ? " " : " " + comments.get(part[1]) + " ");
                String item = items.get(part[0]);
                text.append((item.contains(" AS ") ? item : item + " AS c@").replace("@", String.valueOf(column++)));
            }
        }
        return new File(text.append(end).toString(), lines);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
