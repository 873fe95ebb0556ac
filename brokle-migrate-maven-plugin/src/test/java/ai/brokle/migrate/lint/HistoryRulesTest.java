package ai.brokle.migrate.lint;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** History rules on a real git repository: git runs as a process. */
class HistoryRulesTest {

    @TempDir
    Path repo;
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        dir = repo.resolve("migrations");
        Files.createDirectories(dir);
        git("init", "-q");
        migration("000001_users", "CREATE TABLE IF NOT EXISTS users (id INT);\n", "DROP TABLE IF EXISTS users;\n");
        migration("000003_teams", "CREATE TABLE IF NOT EXISTS teams (id INT);\n", "DROP TABLE IF EXISTS teams;\n");
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
        git("tag", "base");
    }

    private void migration(String stem, String up, String down) throws IOException {
        Files.writeString(dir.resolve(stem + ".up.sql"), up);
        Files.writeString(dir.resolve(stem + ".down.sql"), down);
    }

    private void git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    private LintResult lint(String since) {
        return LintRulesTest.lint("postgres", dir, new LintOptions(false, since, Set.of()));
    }

    private List<String> found(LintResult result) {
        return result.findings().stream().filter(f -> f.ruleId().startsWith("GEN01"))
                .map(f -> f.ruleId() + " " + f.file().getFileName()).toList();
    }

    @Test
    void nothingChangedFindsNothing() {
        assertEquals(List.of(), found(lint("base")));
    }

    @Test
    void aFileAddedBelowAnExistingVersionAndEditedOrDeletedFilesAreErrors() throws IOException {
        migration("000002_merged_late", "CREATE TABLE IF NOT EXISTS late (id INT);\n", "DROP TABLE IF EXISTS late;\n");
        migration("000004_new", "CREATE TABLE IF NOT EXISTS fresh (id INT);\n", "DROP TABLE IF EXISTS fresh;\n");
        Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE IF NOT EXISTS users (id BIGINT);\n");
        Files.delete(dir.resolve("000003_teams.down.sql"));
        LintResult result = lint("base");
        assertEquals(List.of("GEN011 000001_users.up.sql", "GEN010 000002_merged_late.down.sql",
                "GEN010 000002_merged_late.up.sql", "GEN011 000003_teams.down.sql"), found(result),
                LintRulesTest.render(result));
        assertTrue(result.findings().stream().filter(f -> f.ruleId().startsWith("GEN01"))
                .allMatch(f -> f.severity() == Severity.ERROR));
        assertTrue(result.findings().get(1).message().contains("below 3 which existed at base"),
                result.findings().get(1).message());
    }

    @Test
    void anUnknownRefOrNoRepositoryIsAClearError() throws IOException {
        LintSetupException e = assertThrows(LintSetupException.class, () -> lint("no-such-branch"));
        assertTrue(e.getMessage().contains("brokle.migrate.since=no-such-branch is not a commit git knows"),
                e.getMessage());
        Path elsewhere = Files.createTempDirectory("not-a-repo");
        Files.writeString(elsewhere.resolve("000001_a.up.sql"), "SELECT 1;\n");
        e = assertThrows(LintSetupException.class, () -> LintRulesTest.lint("postgres", elsewhere,
                new LintOptions(false, "main", Set.of())));
        assertTrue(e.getMessage().contains("is not in a git repository"), e.getMessage());
        assertTrue(e.getMessage().contains("leave out -Dbrokle.migrate.since"), e.getMessage());
    }
}
