package ai.brokle.migrate.engine;

import ai.brokle.migrate.liquibase.AppliedChangeSet;
import ai.brokle.migrate.source.Migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares what was applied with the files on disk: changed files (checksum) and files that disappeared. */
final class Integrity {

    private Integrity() {
    }

    static List<String> drift(Target target, Map<String, AppliedChangeSet> applied, Map<String, Migration> files) {
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (AppliedChangeSet row : applied.values()) {
            Migration migration = files.get(row.id());
            if (migration == null) {
                missing.add(row.id());
            } else if (row.checksum() != null && !row.checksum().equals(target.translate(migration).checksum())) {
                problems.add(migration.upFile() + " changed after it was applied (checksum " + row.checksum()
                        + "). Restore the applied version and put the change in a new migration "
                        + "(mvn brokle-migrate:create), or accept it with -Dbrokle.migrate.ignoreDrift=true.");
            }
        }
        if (!missing.isEmpty()) {
            problems.add("applied migration(s) " + String.join(", ", missing) + " have no file in "
                    + target.config.dir() + ". Restore the files, or accept it with -Dbrokle.migrate.ignoreDrift=true.");
        }
        return problems;
    }
}
