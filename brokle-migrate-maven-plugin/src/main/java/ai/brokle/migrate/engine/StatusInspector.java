package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.dialect.Dialects;
import ai.brokle.migrate.liquibase.AppliedChangeSet;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.source.MigrationDirectory;
import ai.brokle.migrate.state.SchemaVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the state of every selected datasource without changing anything (no tables are created). */
final class StatusInspector {

    private final MigrateConfig config;
    private final Reporter reporter;

    StatusInspector(MigrateConfig config, Reporter reporter) {
        this.config = config;
        this.reporter = reporter;
    }

    StatusReport inspect() {
        List<DatasourceStatus> statuses = new ArrayList<>();
        for (DatasourceConfig datasource : config.datasources()) {
            statuses.add(inspect(datasource));
        }
        return StatusReport.of(statuses);
    }

    private DatasourceStatus inspect(DatasourceConfig datasource) {
        String dir = String.valueOf(datasource.dir());
        if (!datasource.configured()) {
            return new DatasourceStatus(datasource.name(), Health.NOT_CONFIGURED, datasource.displayUrl(), dir, null,
                    false, 0, List.of(), List.of(), List.of());
        }
        List<Migration> migrations;
        try {
            migrations = MigrationDirectory.load(datasource.dir());
        } catch (MigrateException e) {
            return error(datasource, datasource.displayUrl(), e.getMessage());
        }
        Target target = new Target(datasource, Dialects.of(datasource.name()), migrations);
        try (target) {
            target.open(config.workDir(), reporter);
            Optional<SchemaVersion> state = target.versionTable().read();
            List<AppliedChangeSet> applied = target.changeLog().readApplied();
            Set<String> appliedIds = Migrator.ids(applied);
            List<String> pending = migrations.stream().map(Migration::id).filter(id -> !appliedIds.contains(id))
                    .toList();
            List<String> locks = target.changeLog().hasChangeLog() ? target.changeLog().lockHolders() : List.of();
            Long current = migrations.stream().filter(m -> appliedIds.contains(m.id()))
                    .map(Migration::version).max(Long::compare).orElse(state.map(SchemaVersion::version).orElse(null));
            boolean dirty = state.map(SchemaVersion::dirty).orElse(false);
            if (dirty) {
                current = state.get().version();
            }
            Health health = dirty ? Health.DIRTY : pending.isEmpty() ? Health.HEALTHY : Health.PENDING;
            return new DatasourceStatus(datasource.name(), health, target.displayUrl(), dir, current, dirty,
                    appliedIds.size(), pending, List.of(), locks);
        } catch (MigrateException e) {
            return error(datasource, target.displayUrl(), e.getMessage());
        } catch (Exception e) {
            return error(datasource, target.displayUrl(), "cannot read the migration state: " + e.getMessage());
        }
    }

    private static DatasourceStatus error(DatasourceConfig datasource, String url, String problem) {
        return new DatasourceStatus(datasource.name(), Health.ERROR, url, String.valueOf(datasource.dir()), null,
                false, 0, List.of(), List.of(problem), List.of());
    }
}
