package ai.brokle.migrate.sql;

/**
 * The lexical rules of a SQL dialect that matter for finding statement boundaries.
 *
 * @param dollarQuotes       {@code $tag$ ... $tag$} bodies (PostgreSQL functions)
 * @param backticks          {@code `identifier`} quoting (ClickHouse)
 * @param hashComments       {@code #} starts a line comment (ClickHouse)
 * @param backslashEscapes   {@code \'} escapes a quote inside every string literal (ClickHouse)
 * @param nestedBlockComments {@code /* /* *&#47; *&#47;} nests (PostgreSQL)
 */
public record SqlSyntax(boolean dollarQuotes, boolean backticks, boolean hashComments,
                        boolean backslashEscapes, boolean nestedBlockComments) {

    public static final SqlSyntax POSTGRES = new SqlSyntax(true, false, false, false, true);
    public static final SqlSyntax CLICKHOUSE = new SqlSyntax(false, true, true, true, false);
}
