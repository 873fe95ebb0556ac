package ai.brokle.migrate.source;

import ai.brokle.migrate.sql.SqlSyntax;
import ai.brokle.migrate.sql.StatementSplitter;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The migration directory tests' shared set-up: a temporary directory, files written into it, and loading it. */
abstract class MigrationDirectoryFixture {

    static final StatementSplitter SPLITTER = new StatementSplitter(SqlSyntax.POSTGRES);

    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    Path writeBytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    InvalidMigrationException invalid() {
        return assertThrows(InvalidMigrationException.class, () -> MigrationDirectory.load(dir, "postgres"));
    }
}
