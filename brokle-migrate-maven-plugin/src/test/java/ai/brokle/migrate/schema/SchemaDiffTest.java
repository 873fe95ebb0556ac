package ai.brokle.migrate.schema;

import ai.brokle.migrate.schema.SchemaSnapshot.Column;
import ai.brokle.migrate.schema.SchemaSnapshot.Table;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaDiffTest {

    private static Column column(String name, String type, String dflt, boolean notNull) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("type", type);
        attributes.put("nullability", notNull ? "NOT NULL" : "NULL");
        if (dflt != null) {
            attributes.put("default", dflt);
        }
        return new Column(name, attributes, null);
    }

    private static SchemaSnapshot users(List<Column> columns, SchemaObject... objects) {
        return SchemaSnapshot.of(List.of(new Table("users", columns, Map.of(), null)), List.of(objects));
    }

    private static List<String> diff(SchemaSnapshot before, SchemaSnapshot after) {
        return SchemaDiff.compare(before, after, "after down").stream().map(Difference::toString).toList();
    }

    private static final Column ID = column("id", "bigint", null, true);

    @Test
    void identicalSnapshotsHaveNoDifference() {
        SchemaSnapshot s = users(List.of(ID, column("email", "text", null, true)));
        assertEquals(List.of(), diff(s, s));
    }

    @Test
    void aDefaultThatComesBackDifferentIsAChange() {
        assertEquals(List.of("changed: users.is_saved: default false before, true after down"),
                diff(users(List.of(ID, column("is_saved", "boolean", "false", true))),
                        users(List.of(ID, column("is_saved", "boolean", "true", true)))));
    }

    @Test
    void typeAndNullabilityAreChanges() {
        assertEquals(List.of("changed: users.email: nullability NOT NULL before, NULL after down",
                        "changed: users.email: type text before, character varying(255) after down"),
                diff(users(List.of(ID, column("email", "text", null, true))),
                        users(List.of(ID, column("email", "character varying(255)", null, false)))));
    }

    @Test
    void aMissingOrExtraTableColumnOrIndexIsAnError() {
        SchemaObject index = new SchemaObject("index", "idx_users_email", "users", "CREATE INDEX ON users (email)", null);
        SchemaSnapshot before = users(List.of(ID, column("email", "text", null, true)), index);
        SchemaSnapshot after = SchemaSnapshot.of(List.of(new Table("users", List.of(ID), Map.of(), null),
                new Table("notes", List.of(ID), Map.of(), null)), List.of());
        assertEquals(List.of("error: column users.email: present before, missing after down",
                "error: index idx_users_email on users: present before (CREATE INDEX ON users (email)), missing after down",
                "error: table notes: absent before, present after down"), diff(before, after));
    }

    @Test
    void theSameDefinitionUnderAnotherNameIsCosmetic() {
        SchemaObject key = new SchemaObject("constraint", "users_email_key", "users", "UNIQUE (email)", null);
        SchemaObject renamed = new SchemaObject("constraint", "users_email_unique", "users", "UNIQUE (email)", null);
        assertEquals(List.of("cosmetic: constraint users_email_key on users: named users_email_unique after down "
                + "(same definition)"), diff(users(List.of(ID), key), users(List.of(ID), renamed)));
    }

    @Test
    void aDifferentDefinitionUnderAnotherNameIsAnErrorTwice() {
        SchemaObject key = new SchemaObject("constraint", "users_email_key", "users", "UNIQUE (email)", null);
        SchemaObject other = new SchemaObject("constraint", "users_id_key", "users", "UNIQUE (id)", null);
        List<String> differences = diff(users(List.of(ID), key), users(List.of(ID), other));
        assertEquals(2, differences.size());
        assertTrue(differences.stream().allMatch(d -> d.startsWith("error: ")), differences.toString());
    }

    @Test
    void enumLabelsAndDefinitionsAreChanges() {
        SchemaObject before = new SchemaObject(SchemaObject.ENUM, "mood", null, "('sad', 'happy')", null);
        SchemaObject after = new SchemaObject(SchemaObject.ENUM, "mood", null, "('happy', 'sad')", null);
        assertEquals(List.of("changed: enum mood: labels ('sad', 'happy') before, ('happy', 'sad') after down"),
                diff(users(List.of(ID), before), users(List.of(ID), after)));
    }

    @Test
    void commentsAndColumnOrderAreCosmetic() {
        Column a = column("a", "text", null, false);
        Column b = column("b", "text", null, false);
        SchemaSnapshot before = SchemaSnapshot.of(List.of(new Table("t", List.of(a, b), Map.of(), "v1")), List.of());
        SchemaSnapshot after = SchemaSnapshot.of(List.of(new Table("t", List.of(b, a), Map.of(), "v2")), List.of());
        assertEquals(List.of("cosmetic: t: column order (a, b) before, (b, a) after down",
                "cosmetic: t: comment 'v1' before, 'v2' after down"), diff(before, after));
    }

    @Test
    void tablePropertiesAreChanges() {
        SchemaSnapshot before = SchemaSnapshot.of(List.of(new Table("t", List.of(ID), Map.of("sorting key", "day"),
                null)), List.of());
        SchemaSnapshot after = SchemaSnapshot.of(List.of(new Table("t", List.of(ID), Map.of("sorting key", "day, n"),
                null)), List.of());
        assertEquals(List.of("changed: t: sorting key day before, day, n after down"), diff(before, after));
    }

    @Test
    void differencesComeWorstFirst() {
        SchemaSnapshot before = SchemaSnapshot.of(List.of(new Table("a", List.of(ID), Map.of(), "x"),
                new Table("b", List.of(column("c", "int", null, true)), Map.of(), null)), List.of());
        SchemaSnapshot after = SchemaSnapshot.of(List.of(new Table("a", List.of(ID), Map.of(), "y"),
                new Table("b", List.of(column("c", "bigint", null, true)), Map.of(), null)), List.of());
        List<Difference> differences = SchemaDiff.compare(before, after, "after down");
        assertEquals(List.of(Severity.CHANGED, Severity.COSMETIC), differences.stream().map(Difference::severity).toList());
    }
}
