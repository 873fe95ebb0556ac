package ai.brokle.migrate.dialect.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Empties the current schema: {@code drop} removes its objects one kind at a time; {@code reset} recreates it. Both
 * then drop the tracking tables wherever they are (a schema-qualified version table lives elsewhere), so the state
 * left says "nothing applied".
 */
final class SchemaDropper {

    /** Object kinds in drop order, each as (catalog query for names in the current schema, DROP statement). */
    private static final String[][] KINDS = {
            {"SELECT quote_ident(matviewname) FROM pg_matviews WHERE schemaname = current_schema()",
                    "DROP MATERIALIZED VIEW IF EXISTS %s CASCADE"},
            {"SELECT quote_ident(viewname) FROM pg_views WHERE schemaname = current_schema()",
                    "DROP VIEW IF EXISTS %s CASCADE"},
            {"SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema()",
                    "DROP TABLE IF EXISTS %s CASCADE"},
            {"SELECT quote_ident(sequence_name) FROM information_schema.sequences "
                    + "WHERE sequence_schema = current_schema()", "DROP SEQUENCE IF EXISTS %s CASCADE"},
            {"SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    + "LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e' "
                    + "WHERE n.nspname = current_schema() AND d.objid IS NULL",
                    "DROP ROUTINE IF EXISTS %s CASCADE"},
            {"SELECT quote_ident(t.typname) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                    + "WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd', 'c', 'r') "
                    + "AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid AND c.relkind <> 'c')",
                    "DROP TYPE IF EXISTS %s CASCADE"},
    };

    private SchemaDropper() {
    }

    /** @param trackingTables quoted, schema-qualified names of the version table and Liquibase's tables */
    static void dropAll(Connection connection, List<String> trackingTables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String[] kind : KINDS) {
                for (String name : names(statement, kind[0])) {
                    statement.execute(String.format(kind[1], name));
                }
            }
            dropTables(statement, trackingTables);
        }
        connection.commit();
    }

    static void recreateSchema(Connection connection, List<String> trackingTables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String schema;
            try (ResultSet rs = statement.executeQuery("SELECT quote_ident(current_schema())")) {
                rs.next();
                schema = rs.getString(1);
            }
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("GRANT ALL ON SCHEMA " + schema + " TO public");
            dropTables(statement, trackingTables);
        }
        connection.commit();
    }

    private static void dropTables(Statement statement, List<String> tables) throws SQLException {
        for (String table : tables) {
            statement.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
        }
    }

    private static List<String> names(Statement statement, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
