package ai.brokle.migrate.schema;

/**
 * A named object other than a table.
 *
 * @param kind       what it is, in words used in messages: {@code index}, {@code constraint}, {@code view},
 *                   {@code materialized view}, {@code function}, {@code trigger}, {@code type}, {@code sequence},
 *                   {@code extension}, {@code dictionary}, {@code schema}
 * @param name       its name (for a function with its argument types)
 * @param table      the table it belongs to (index, constraint, trigger), or null
 * @param definition its normalised definition without its own name, so that the same object under another name
 *                   compares equal
 * @param comment    its comment, or null
 */
public record SchemaObject(String kind, String name, String table, String definition, String comment) {

    /** Kinds whose definition change is a changed enum: the message speaks of labels. */
    public static final String ENUM = "enum";

    /** Unique within a snapshot: kind, table and name. */
    public String key() {
        return kind + ":" + (table == null ? "" : table + ".") + name;
    }

    /** How messages name it, e.g. {@code index idx_users_email on users}. */
    public String describe() {
        return kind + " " + name + (table == null ? "" : " on " + table);
    }
}
