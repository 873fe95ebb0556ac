package ai.brokle.migrate.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The create goal as Maven configures it from a pom: nested datasource parameters, name, and no database. */
@MojoTest
class CreateMojoTest {

    @Test
    @InjectMojo(goal = "create", pom = "src/test/resources/unit/create/pom.xml")
    void writesTheFirstPairIntoTheConfiguredDirectory(CreateMojo mojo) throws Exception {
        Path dir = mojo.basedir.toPath().resolve("target/unit-create/migrations");
        deleteTree(dir);
        mojo.execute();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(java.util.List.of("000001_add_users_table.down.sql", "000001_add_users_table.up.sql"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(dir.resolve("000001_add_users_table.up.sql")).startsWith("-- Migration: add_users_table"));
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
