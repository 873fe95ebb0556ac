package ai.brokle.migrate.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Remembers, in the plugin's work directory, which statement left a datasource dirty, so {@code status} can name it.
 * Best effort: the database's own dirty flag is the truth; this file only adds detail on the machine that ran it.
 */
final class FailureNote {

    private final Path file;

    FailureNote(Path workDir, String datasource) {
        this.file = workDir.resolve(datasource + "-dirty.txt");
    }

    void record(long version, String statement) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, version + "\n" + statement, StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // the failure itself is reported to the user; this note is optional detail
        }
    }

    /** The failed statement recorded for {@code version}, if this machine saw the failure. */
    Optional<String> statementFor(long version) {
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).split("\n", 2);
            return parts.length == 2 && parts[0].equals(String.valueOf(version)) ? Optional.of(parts[1])
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale note never matches a later dirty version by accident only if versions repeat; harmless
        }
    }
}
