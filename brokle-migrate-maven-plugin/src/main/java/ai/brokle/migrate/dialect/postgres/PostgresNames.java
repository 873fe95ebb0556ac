package ai.brokle.migrate.dialect.postgres;

/** The one way names from configuration or the database reach PostgreSQL SQL: double-quoted, exact case. */
final class PostgresNames {

    private PostgresNames() {
    }

    /** A quoted identifier, as golang-migrate's {@code pq.QuoteIdentifier} writes it. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * A configured table name: {@code table} (in the connection's current schema) or {@code schema.table}, which
     * golang-migrate reads as {@code x-migrations-table="schema"."table"} with {@code x-migrations-table-quoted}.
     *
     * @param schema null for the current schema
     */
    record Table(String schema, String name) {

        static Table parse(String configured) {
            int dot = configured.indexOf('.');
            return dot < 0 ? new Table(null, configured)
                    : new Table(configured.substring(0, dot), configured.substring(dot + 1));
        }

        String sql() {
            return schema == null ? quote(name) : quote(schema) + "." + quote(name);
        }
    }
}
