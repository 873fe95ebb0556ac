package ai.brokle.migrate.config;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A goal's options: the pom's typed value unless a -D property gives one; errors name the property and origin. */
class GoalOptionsTest {

    private static final List<String> CONDITIONS = List.of("pending", "dirty", "drift");

    private final Map<String, String> cli = new HashMap<>();
    private final GoalOptions options = new GoalOptions(Path.of("/project"), cli);

    @Test
    void commandLineWinsOverAnExplicitPomValue() {
        assertTrue(options.flag("dryRun", true));
        cli.put("brokle.migrate.dryRun", "false");
        assertFalse(options.flag("dryRun", true));
        cli.put("brokle.migrate.lockWaitSeconds", "5");
        assertEquals(5, options.seconds("lockWaitSeconds", 60));
        cli.put("brokle.migrate.seedFile", "seeds/other.yaml");
        assertEquals(Path.of("/project/seeds/other.yaml"), options.path("seedFile", new File("/project/seeds/dev.yaml")));
    }

    @Test
    void unsetValuesTakeTheGoalsDefault() {
        assertEquals(GoalOptions.DEFAULT_LOCK_WAIT_SECONDS, options.seconds("lockWaitSeconds", null));
        assertEquals(Set.of(), options.someOf("failOn", null, CONDITIONS, List.of()));
        assertEquals(Set.of("error", "changed"), options.someOf("verifyFailOn", null,
                List.of("error", "changed", "cosmetic"), List.of("error", "changed")));
        assertEquals(Set.of(), options.someOf("verifyFailOn", List.of("none"), List.of("error"), List.of("error")));
    }

    @Test
    void pomListsAreReadLikeTheCommaSeparatedProperty() {
        assertEquals(Set.of("pending", "drift"), options.someOf("failOn", List.of("PENDING", "drift"), CONDITIONS,
                List.of()));
        assertEquals(Set.of("PG003", "CH005"), options.ruleIds("ignore", List.of("pg003", "CH005")));
    }

    @Test
    void badValuesNameThePropertyWhereItCameFromAndTheFix() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> options.seconds("lockWaitSeconds", -1));
        assertEquals("brokle.migrate.lockWaitSeconds (from pom <configuration>)=-1 must be 0 or more seconds. "
                + "Example: -Dbrokle.migrate.lockWaitSeconds=60", e.getMessage());
        cli.put("brokle.migrate.failOn", "pending,broken");
        e = assertThrows(ConfigurationException.class, () -> options.someOf("failOn", null, CONDITIONS, List.of()));
        assertTrue(e.getMessage().startsWith("brokle.migrate.failOn (from -D property)=pending,broken must be a "
                + "comma-separated list of pending, dirty, drift"), e.getMessage());
        cli.put("brokle.migrate.lockWaitSeconds", "soon");
        e = assertThrows(ConfigurationException.class, () -> options.seconds("lockWaitSeconds", null));
        assertTrue(e.getMessage().startsWith("brokle.migrate.lockWaitSeconds (from -D property)=soon must be a whole "
                + "number"), e.getMessage());
    }
}
