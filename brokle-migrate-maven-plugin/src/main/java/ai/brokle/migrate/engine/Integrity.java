package ai.brokle.migrate.engine;

import ai.brokle.migrate.liquibase.AppliedChangeSet;
import ai.brokle.migrate.source.Migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares what was applied with the files on disk: changed files (checksum), renamed and vanished files, and a
 * golang-migrate version that no file and no record has.
 */
final class Integrity {

    private static final String REPAIR = "mvn brokle-migrate:repair -Dbrokle.migrate.db=";

    private Integrity() {
    }

    static List<String> drift(Target target, Map<String, AppliedChangeSet> applied) {
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, Migration> byId = new HashMap<>();
        Map<Long, Migration> byVersion = new HashMap<>();
        target.migrations.forEach(m -> {
            byId.put(m.id(), m);
            byVersion.put(m.version(), m);
        });
        for (AppliedChangeSet row : applied.values()) {
            Optional<Migration> file = Optional.ofNullable(byId.get(row.id()));
            if (file.isPresent()) {
                if (row.checksum() != null && !row.checksum().equals(target.translate(file.get()).checksum())) {
                    problems.add(file.get().upFile() + " changed after it was applied (checksum " + row.checksum()
                            + "). Restore the applied version and put the change in a new migration "
                            + "(mvn brokle-migrate:create), or accept the edit with " + REPAIR + target.name()
                            + " (for this run only: -Dbrokle.migrate.ignoreDrift=true).");
                }
                continue;
            }
            Optional<Migration> successor = Optional.ofNullable(byVersion.get(Records.version(row.id())))
                    .filter(m -> !applied.containsKey(m.id()));
            if (successor.isPresent()) {
                problems.add("version " + Records.version(row.id()) + " is applied as " + row.id() + ", whose file is "
                        + "gone, and " + successor.get().id() + " now has that version: an applied migration was "
                        + "renamed or replaced. Restore " + row.id() + ", or if " + successor.get().id() + " is the "
                        + "same migration renamed, record it under the new name with " + REPAIR + target.name() + ".");
            } else {
                missing.add(row.id());
            }
        }
        if (!missing.isEmpty()) {
            problems.add("applied migration(s) " + String.join(", ", missing) + " have no file in "
                    + target.config.dir() + ". Restore the files, or if they were deleted on purpose remove their "
                    + "records with " + REPAIR + target.name() + " (for this run only: -Dbrokle.migrate.ignoreDrift=true).");
        }
        return problems;
    }

    /**
     * golang-migrate's version when neither a file nor a record has it (the Go CLI was forced to it, or its file was
     * deleted): which migrations it means as applied is unknown, so it is not adopted.
     */
    static Optional<String> unknownGoVersion(Target target, long goVersion, Map<String, AppliedChangeSet> recorded) {
        List<Long> versions = new ArrayList<>(target.migrations.stream().map(Migration::version).toList());
        recorded.keySet().forEach(id -> versions.add(Records.version(id)));
        if (goVersion <= 0 || versions.contains(goVersion)) {
            return Optional.empty();
        }
        long below = versions.stream().filter(v -> v < goVersion).max(Long::compare).orElse(0L);
        return Optional.of(target.config.table() + " (golang-migrate) says version " + goVersion + ", which no file "
                + "in " + target.config.dir() + " and no applied record has: the Go CLI was forced to it or its file "
                + "was deleted, so which migrations it means as applied is unknown. Restore the file of version "
                + goVersion + ", or declare the last version that really ran (the highest below " + goVersion
                + " here is " + below + ") with mvn brokle-migrate:force -Dbrokle.migrate.db=" + target.name()
                + " -Dbrokle.migrate.version=<v>");
    }
}
