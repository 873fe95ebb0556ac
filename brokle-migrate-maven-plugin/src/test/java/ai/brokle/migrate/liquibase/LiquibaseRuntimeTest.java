package ai.brokle.migrate.liquibase;

import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import org.junit.jupiter.api.Test;

import java.util.SortedSet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin leaves out Liquibase dependencies it never uses (the parent pom names them). Liquibase's change registry
 * skips the changes that need them (loadData, loadUpdateData: OpenCSV) and creates every other change, the raw-SQL
 * change the plugin runs included.
 */
class LiquibaseRuntimeTest {

    @Test
    void everyRegisteredChangeCanBeCreated() {
        ChangeFactory changes = Scope.getCurrentScope().getSingleton(ChangeFactory.class);
        SortedSet<String> names = changes.getDefinedChanges();
        assertTrue(names.contains("sql") && names.contains("sqlFile"), names.toString());
        assertFalse(names.contains("loadData"), "loadData needs OpenCSV, which is left out");
        for (String name : names) {
            Change change = changes.create(name);
            assertNotNull(change, name);
            assertNotNull(changes.getChangeMetaData(change), name);
        }
    }

    @Test
    void theLeftOutJarsAreNotOnTheClasspath() {
        for (String name : new String[] {"com.opencsv.CSVReader", "javax.xml.bind.JAXBContext",
                "org.apache.commons.text.StringSubstitutor", "org.checkerframework.checker.nullness.qual.Nullable"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
        }
    }
}
