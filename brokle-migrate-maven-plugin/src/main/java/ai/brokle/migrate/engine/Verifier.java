package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.liquibase.TranslatedMigration;
import ai.brokle.migrate.schema.Difference;
import ai.brokle.migrate.schema.SchemaDiff;
import ai.brokle.migrate.schema.SchemaSnapshot;
import ai.brokle.migrate.source.Migration;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies one datasource's migrations on a scratch database. For each migration in order: snapshot, up, down,
 * snapshot and compare, up again. Then every migration is undone in reverse order and the database must be as empty
 * as it started. Each migration runs through {@link MigrationRunner}, exactly as {@code up} and {@code down} run it.
 * A step that fails leaves the scratch database in doubt, so it is rebuilt (a new one, the ups so far applied again)
 * before the next migration.
 */
final class Verifier {

    private final Target template;
    private final Reporter reporter;
    private final Path workDir;
    private final Clock clock;
    private final List<VerifyCase> cases = new ArrayList<>();
    private final List<Migration> applied = new ArrayList<>();
    private ScratchSession scratch;

    Verifier(Target template, Reporter reporter, Path workDir, Clock clock) {
        this.template = template;
        this.reporter = reporter;
        this.workDir = workDir;
        this.clock = clock;
    }

    List<VerifyCase> run() {
        try (ScratchSession session = new ScratchSession(template.config, template.dialect, reporter, workDir, clock)) {
            scratch = session.open(template);
            SchemaSnapshot empty = scratch.snapshot();
            String skipped = null;
            List<Migration> migrations = template.migrations;
            for (int i = 0; i < migrations.size(); i++) {
                Migration migration = migrations.get(i);
                TranslatedMigration translated = template.translate(migration);
                Optional<String> isolation = template.dialect.notVerifiableAlone(translated.up())
                        .map(p -> migration.upFile().getFileName() + " " + p)
                        .or(() -> template.dialect.notVerifiableAlone(translated.down())
                                .map(p -> fileName(migration.downFile()) + " " + p));
                if (isolation.isPresent()) {
                    cases.add(VerifyCase.notVerified(name(), migration.id(), isolation.get()
                            + "; verify does not run it, so that nothing outside its scratch database changes"));
                    skipped = migration.id();
                    continue;
                }
                if (!verify(migration, skipped)) {
                    for (Migration rest : migrations.subList(i + 1, migrations.size())) {
                        cases.add(VerifyCase.notVerified(name(), rest.id(), "the up of " + migration.id()
                                + " failed before it, so the schema it builds on is missing"));
                    }
                    return cases;
                }
            }
            undoAll(empty);
            return cases;
        }
    }

    /** @return false when the up failed and no later migration can be verified */
    private boolean verify(Migration migration, String skipped) {
        long start = System.nanoTime();
        SchemaSnapshot before = scratch.snapshot();
        Optional<String> upError = run(migration, true);
        if (upError.isPresent()) {
            cases.add(skipped == null
                    ? new VerifyCase(name(), migration.id(), "up", upError.get(), List.of(), null, millis(start))
                    : VerifyCase.notVerified(name(), migration.id(), "its up failed after " + skipped + " was left "
                    + "out, which it may need: " + upError.get().lines().findFirst().orElse("")));
            return false;
        }
        applied.add(migration);
        Optional<String> downError = run(migration, false);
        if (downError.isPresent()) {
            cases.add(new VerifyCase(name(), migration.id(), "down", downError.get(), List.of(), null, millis(start)));
            rebuild();
            return true;
        }
        applied.remove(migration);
        List<Difference> differences = SchemaDiff.compare(before, scratch.snapshot(), "after down");
        Optional<String> reUpError = run(migration, true);
        if (reUpError.isPresent()) {
            cases.add(new VerifyCase(name(), migration.id(), "re-up", reUpError.get(), differences, null,
                    millis(start)));
            applied.add(migration);
            rebuild();
            return true;
        }
        applied.add(migration);
        cases.add(new VerifyCase(name(), migration.id(), null, null, differences, null, millis(start)));
        return true;
    }

    /** Undoes every applied migration, newest first; the schema must then equal the empty one. */
    private void undoAll(SchemaSnapshot empty) {
        long start = System.nanoTime();
        List<Migration> newestFirst = new ArrayList<>(applied);
        java.util.Collections.reverse(newestFirst);
        for (Migration migration : newestFirst) {
            Optional<String> error = run(migration, false);
            if (error.isPresent()) {
                cases.add(new VerifyCase(name(), VerifyCase.UNDO_ALL, VerifyCase.UNDO_ALL, migration.id()
                        + ": " + error.get(), List.of(), null, millis(start)));
                return;
            }
            applied.remove(migration);
        }
        cases.add(new VerifyCase(name(), VerifyCase.UNDO_ALL, null, null,
                SchemaDiff.compare(empty, scratch.snapshot(), "after undoing all"), null, millis(start)));
    }

    /** A new scratch database with every migration applied so far; its ups ran once already. */
    private void rebuild() {
        scratch.fresh(template);
        List<Migration> again = List.copyOf(applied);
        applied.clear();
        for (Migration migration : again) {
            Optional<String> error = run(migration, true);
            if (error.isPresent()) {
                throw new GoalRefusedException("[" + name() + "] verify could not rebuild its scratch database: the up of "
                        + migration.id() + " failed the second time on an empty database:\n" + error.get()
                        + "\nFix that migration so it can run on a fresh database, then run verify again.");
            }
            applied.add(migration);
        }
    }

    /** Runs one direction through the engine's own runner; a failed migration's message, or empty on success. */
    private Optional<String> run(Migration migration, boolean up) {
        Target target = scratch.target();
        TranslatedMigration translated = target.translate(migration);
        MigrationRunner runner = new MigrationRunner(target, new FailureNote(workDir.resolve("verify"), name()));
        Optional<Long> previous = applied.stream().filter(m -> m != migration).map(Migration::version)
                .max(Long::compare);
        try {
            runner.requireOwnTransaction(translated, up);
            if (up) {
                runner.apply(translated, previous, Optional.of(Math.max(migration.version(), previous.orElse(0L))));
            } else {
                runner.rollback(translated, Optional.of(migration.version()), previous);
            }
            return Optional.empty();
        } catch (MigrationFailedException e) {
            return Optional.of(whereAndWhy(e.getMessage()));
        } catch (MigrateException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The file, statement, line and database error of a failed migration, without the recovery advice of up/down. */
    private static String whereAndWhy(String message) {
        List<String> lines = message.lines().filter(l -> l.startsWith("  in ") || l.startsWith("  database error"))
                .map(String::strip).toList();
        return lines.isEmpty() ? message : String.join("\n", lines);
    }

    private static String fileName(Path file) {
        return file == null ? "" : String.valueOf(file.getFileName());
    }

    private String name() {
        return template.name();
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
