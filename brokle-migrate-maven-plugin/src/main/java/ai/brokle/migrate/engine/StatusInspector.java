package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.config.SecretMasker;
import ai.brokle.migrate.dialect.Dialects;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.source.MigrationDirectory;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the state of every selected datasource without changing anything: no table is created, no lock taken, and
 * golang-migrate's version is adopted in memory only (never in a dirty state, nor when no file or record has it) — so
 * status shows what {@code up} would see.
 */
record StatusInspector(MigrateConfig config, Reporter reporter) {

    StatusReport inspect() {
        return StatusReport.of(config.datasources().stream().map(this::inspect).toList());
    }

    private DatasourceStatus inspect(DatasourceConfig datasource) {
        String dir = String.valueOf(datasource.dir());
        if (!datasource.configured()) {
            return new DatasourceStatus(datasource.name(), Health.NOT_CONFIGURED, datasource.displayUrl(), dir, null,
                    false, false, 0, List.of(), List.of(), List.of());
        }
        List<Migration> migrations;
        try {
            migrations = MigrationDirectory.load(datasource.dir(), datasource.name());
        } catch (MigrateException e) {
            return error(datasource, datasource.displayUrl(), e.getMessage());
        }
        Target target = new Target(datasource, Dialects.of(datasource.name()), migrations);
        try (target; PreparedTarget prepared = PreparedTarget.read(target.open(config.workDir(), reporter), reporter)) {
            boolean dirty = prepared.dirty();
            Long current = dirty ? Long.valueOf(prepared.state().get().version()) : prepared.currentVersion().orElse(null);
            List<String> pending = prepared.pending().stream().map(Migration::id).toList();
            List<String> problems = new ArrayList<>(prepared.integrityProblems(false, false));
            boolean drift = !problems.isEmpty();
            if (dirty) {
                problems.add(0, prepared.dirtyExplanation());
            }
            List<String> locks = target.dialect.lockHolders(target.connection(), datasource).stream()
                    .map(ai.brokle.migrate.dialect.LockHolder::describe).toList();
            Health health = dirty ? Health.DIRTY : pending.isEmpty() ? Health.HEALTHY : Health.PENDING;
            return new DatasourceStatus(datasource.name(), health, target.displayUrl(), dir, current, dirty, drift,
                    prepared.appliedMigrations().size(), pending, problems, locks);
        } catch (MigrateException e) {
            return error(datasource, target.displayUrl(), e.getMessage());
        } catch (Exception e) {
            return error(datasource, target.displayUrl(), "cannot read the migration state: " + e.getMessage());
        }
    }

    /** A datasource that cannot be inspected; the problem (often a driver's message) is masked. */
    private static DatasourceStatus error(DatasourceConfig datasource, String url, String problem) {
        return new DatasourceStatus(datasource.name(), Health.ERROR, url, String.valueOf(datasource.dir()), null,
                false, false, 0, List.of(), List.of(SecretMasker.maskAll(problem, datasource.secrets())), List.of());
    }
}
