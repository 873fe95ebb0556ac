package ai.brokle.migrate.engine;

import ai.brokle.migrate.testing.TestMigrators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample migrations with broken downs (src/test/resources/verify/) and the repository's own migrations. */
final class VerifySamples {

    private VerifySamples() {
    }

    /** Copies {@code verify/<name>} from the test resources into {@code dir}. */
    static Path copy(String name, Path dir) {
        try {
            Path source = Path.of(VerifySamples.class.getResource("/verify/" + name).toURI());
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository's {@code migrations/} (or a directory under it), found from either module. */
    static Path repositoryMigrations(String sub) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("migrations");
            if (Files.isDirectory(candidate) && Files.isDirectory(dir.resolve("brokle-migrate-maven-plugin"))) {
                return sub.isEmpty() ? candidate : candidate.resolve(sub);
            }
        }
        throw new IllegalStateException("migrations/ not found above " + Path.of("").toAbsolutePath());
    }

    static Map<String, VerifyCase> byMigration(VerifyReport report) {
        return report.cases().stream().collect(Collectors.toMap(VerifyCase::migration, Function.identity()));
    }

    /** Asserts one case's severity (null: passed) and that one of its lines contains {@code text}. */
    static void assertCase(Map<String, VerifyCase> cases, String id, String severity, String step, String text) {
        VerifyCase c = cases.get(id);
        String shown = c == null ? "missing" : String.join("\n", c.lines());
        assertTrue(c != null, id + " has no case");
        assertEquals(severity, c.severity().map(s -> s.label()).orElse(null), shown);
        assertEquals(step, c.step(), shown);
        if (text != null) {
            assertTrue(shown.contains(text), "expected '" + text + "' in:\n" + shown);
        }
    }

    static void assertNoFinding(VerifyReport report) {
        List<String> findings = report.cases().stream().filter(c -> c.severity().isPresent() || !c.verified())
                .flatMap(c -> c.lines().stream()).toList();
        assertEquals(List.of(), findings, String.join("\n", report.lines()));
    }

    /** The case of {@code id} has a finding or was not verified (what verify must say of a down that undoes nothing). */
    static void assertReported(VerifyReport report, String id, String what) {
        VerifyCase c = byMigration(report).get(id);
        assertTrue(c != null && (c.severity().isPresent() || !c.verified()), () -> what + ": verify reported "
                + shown(report, c));
    }

    /** The case of {@code id} was verified without a finding. */
    static void assertClean(VerifyReport report, String id, String what) {
        VerifyCase c = byMigration(report).get(id);
        assertTrue(c != null && c.verified() && c.severity().isEmpty(), () -> what + ": verify reported "
                + shown(report, c));
    }

    private static String shown(VerifyReport report, VerifyCase c) {
        return (c == null ? "no case" : String.join("\n", c.lines())) + "\n" + String.join("\n", report.lines());
    }

    /**
     * verify of two migrations, {@code 000001_base} and {@code 000002_change}, written into {@code project/migrations}.
     *
     * @param datasource the {@code brokle.migrate.*} properties of the datasource (db, url, ...), without the dir
     */
    static VerifyReport verifyChange(Path project, Map<String, String> datasource, String base, String baseDown,
                                     String up, String down) throws IOException {
        Path dir = project.resolve("migrations");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("000001_base.up.sql"), base);
        Files.writeString(dir.resolve("000001_base.down.sql"), baseDown);
        Files.writeString(dir.resolve("000002_change.up.sql"), up + ";\n");
        Files.writeString(dir.resolve("000002_change.down.sql"), down + ";\n");
        Map<String, String> properties = new HashMap<>(datasource);
        properties.put("brokle.migrate." + datasource.get("brokle.migrate.db") + ".dir", dir.toString());
        return TestMigrators.build(project, properties, new ArrayList<>(), action -> Confirmer.Decision.NO_CONSOLE)
                .verify(Clock.systemUTC());
    }
}
