package ai.brokle.migrate.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** skip is handled before anything else: not even the (invalid) configuration is read. */
@MojoTest
class UpMojoSkipTest {

    @Test
    @InjectMojo(goal = "up", pom = "src/test/resources/unit/skip/pom.xml")
    void skipDoesNothing(UpMojo mojo) {
        assertDoesNotThrow(mojo::execute);
        assertFalse(Files.exists(mojo.buildDirectory.toPath().resolve("brokle-migrate")));
    }
}
