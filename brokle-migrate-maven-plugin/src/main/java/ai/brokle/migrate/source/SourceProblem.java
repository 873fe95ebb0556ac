package ai.brokle.migrate.source;

import java.nio.file.Path;

/**
 * One reason a migration file cannot be used, with the file, the line (0 when the whole file is meant) and what kind
 * of problem it is, so {@code validate} can give each kind its rule id.
 *
 * @param message the full user-facing text, naming the file and ending with the fix
 */
public record SourceProblem(Kind kind, Path file, int line, String message) {

    public enum Kind {
        /** the name does not follow NNNNNN_name.up.sql / .down.sql */
        NAMING,
        /** two files share a version, or one file is duplicated */
        VERSION_COLLISION,
        /** not UTF-8, or unreadable */
        ENCODING,
        /** a down without its up, sections and a separate down, inconsistent section markers */
        PAIRING
    }
}
