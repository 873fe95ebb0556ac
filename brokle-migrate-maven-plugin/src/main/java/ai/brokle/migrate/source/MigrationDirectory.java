package ai.brokle.migrate.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads every migration of one directory, sorted by version. All problems are collected and reported together, so
 * a user fixes them in one pass; nothing is returned while any exist.
 */
public final class MigrationDirectory {

    private MigrationDirectory() {
    }

    /** The usable migrations of a directory, in version order, and every problem found on the way. */
    public record Scan(List<Migration> migrations, List<SourceProblem> problems) {
    }

    /**
     * @param datasource the datasource whose directory this is, for the parameter a message names
     * @return the migrations in version order; an empty list when the directory holds none
     */
    public static List<Migration> load(Path dir, String datasource) {
        Scan scan = scan(dir, datasource);
        if (!scan.problems().isEmpty()) {
            throw new InvalidMigrationException(scan.problems().stream().map(SourceProblem::message).toList());
        }
        return scan.migrations();
    }

    /**
     * Reads every file and keeps going past problems (for {@code validate}); a migration with a problem is left out.
     *
     * @throws InvalidMigrationException when the directory itself is missing or cannot be listed
     */
    public static Scan scan(Path dir, String datasource) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidMigrationException(List.of(dir + ": the migration directory does not exist. Create it, "
                    + "or point the datasource's 'dir' parameter (e.g. -Dbrokle.migrate." + datasource + ".dir=...) "
                    + "at it."));
        }
        List<SourceProblem> problems = new ArrayList<>();
        Map<Long, FilePair> byVersion = new TreeMap<>();
        for (Path file : sqlFiles(dir)) {
            String fileName = file.getFileName().toString();
            Optional<MigrationFileName> parsed = MigrationFileName.parse(fileName);
            if (parsed.isEmpty()) {
                problems.add(new SourceProblem(SourceProblem.Kind.NAMING, file, 0, file + ": the name does not follow "
                        + MigrationFileName.EXPECTED + ". Rename the file, e.g. 000001_create_users.up.sql."));
                continue;
            }
            MigrationFileName name = parsed.get();
            FilePair pair = byVersion.computeIfAbsent(name.version(), v -> new FilePair(name.stem()));
            if (!pair.stem.equals(name.stem())) {
                problems.add(new SourceProblem(SourceProblem.Kind.VERSION_COLLISION, file, 0, file + ": version "
                        + name.version() + " is also used by " + pair.anyFile()
                        + ". Give one of them a new version (mvn brokle-migrate:create picks the next one)."));
                continue;
            }
            Path existing = name.up() ? pair.up : pair.down;
            if (existing != null) {
                problems.add(new SourceProblem(SourceProblem.Kind.VERSION_COLLISION, file, 0, file + ": duplicates "
                        + existing + ". Remove one of them."));
            } else if (name.up()) {
                pair.up = file;
            } else {
                pair.down = file;
            }
        }
        List<Migration> migrations = new ArrayList<>();
        for (Map.Entry<Long, FilePair> entry : byVersion.entrySet()) {
            try {
                migrations.add(entry.getValue().toMigration(entry.getKey()));
            } catch (FileProblemException e) {
                problems.add(e.problem());
            }
        }
        return new Scan(migrations, problems);
    }

    private static List<Path> sqlFiles(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> MigrationFileName.isCandidate(p.getFileName().toString()))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new InvalidMigrationException(List.of(dir + ": cannot be listed (" + e.getMessage()
                    + "). Fix the directory's permissions."));
        }
    }

    private static FileProblemException pairing(Path file, int line, String message) {
        return new FileProblemException(new SourceProblem(SourceProblem.Kind.PAIRING, file, line, message));
    }

    /** The up and down file found for one version. */
    private static final class FilePair {
        final String stem;
        Path up;
        Path down;

        FilePair(String stem) {
            this.stem = stem;
        }

        Path anyFile() {
            return up != null ? up : down;
        }

        Migration toMigration(long version) {
            if (up == null) {
                throw pairing(down, 0, down + ": a down migration without its up file. Add "
                        + stem + ".up.sql or remove the down file.");
            }
            String upText = SqlFileReader.read(up);
            if (MigrateSections.hasSections(upText)) {
                if (down != null) {
                    throw pairing(down, 0, up + ": has '-- +migrate' sections and a separate " + down
                            + " also exists. Keep the Down section or the .down.sql file, not both.");
                }
                MigrateSections sections;
                try {
                    sections = MigrateSections.parse(upText);
                } catch (IllegalArgumentException e) {
                    throw pairing(up, MigrateSections.lineOf(e.getMessage()), up + ": " + e.getMessage()
                            + ". Put all SQL under '-- +migrate Up' and '-- +migrate Down' markers.");
                }
                return new Migration(version, stem, sections.up(), sections.down(), up, up, sections.transactional());
            }
            String downText = down == null ? "" : SqlFileReader.read(down);
            return new Migration(version, stem, upText, downText, up, down,
                    !MigrateSections.optsOutOfTransaction(upText));
        }
    }
}
