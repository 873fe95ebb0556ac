package ai.brokle.migrate.sql;

/**
 * The lexical rules of a SQL dialect that matter for finding statement boundaries.
 *
 * @param dollarQuotes       {@code $tag$ ... $tag$} bodies (PostgreSQL functions, ClickHouse heredoc strings)
 * @param backticks          {@code `identifier`} quoting (ClickHouse)
 * @param hashComments       {@code #} starts a line comment (ClickHouse)
 * @param backslashEscapes   {@code \'} escapes a quote inside every string literal (ClickHouse)
 * @param nestedBlockComments {@code /* /* *&#47; *&#47;} nests (PostgreSQL and ClickHouse)
 * @param atomicBodies       {@code BEGIN ATOMIC ... END} function bodies hold semicolons (PostgreSQL 14+)
 */
public record SqlSyntax(boolean dollarQuotes, boolean backticks, boolean hashComments,
                        boolean backslashEscapes, boolean nestedBlockComments, boolean atomicBodies) {

    public static final SqlSyntax POSTGRES = new SqlSyntax(true, false, false, false, true, true);
    public static final SqlSyntax CLICKHOUSE = new SqlSyntax(true, true, true, true, true, false);
}
