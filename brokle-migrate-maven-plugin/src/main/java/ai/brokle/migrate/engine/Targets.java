package ai.brokle.migrate.engine;

import ai.brokle.migrate.config.ConfigurationException;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.DatasourceKind;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.dialect.Dialects;
import ai.brokle.migrate.source.MigrationDirectory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The selected datasources of a goal, their migration files loaded and validated before anything connects. */
record Targets(MigrateConfig config, Reporter reporter) {

    /** @param reverse true for down and the destructive goals: the reverse of the dialects' up order */
    List<Target> load(boolean reverse) {
        List<Target> targets = new ArrayList<>();
        for (DatasourceConfig datasource : config.datasources()) {
            if (!datasource.configured()) {
                if (!config.db().equals("all")) {
                    throw notConfigured(datasource.name());
                }
                reporter.info("[" + datasource.name() + "] not configured, skipped (set brokle.migrate."
                        + datasource.name() + ".url to use it)");
                continue;
            }
            targets.add(new Target(datasource, Dialects.of(datasource.name()),
                    MigrationDirectory.load(datasource.dir(), datasource.name())));
        }
        Comparator<Target> upOrder = Comparator.comparingInt(target -> target.dialect.facts().upOrder());
        targets.sort(reverse ? upOrder.reversed() : upOrder);
        return targets;
    }

    /** goto and force name one version, which only makes sense for one datasource. */
    List<Target> loadSingle(String goal) {
        List<Target> targets = load(false);
        if (targets.size() != 1) {
            throw new ConfigurationException(goal + " sets one datasource to one version, but " + targets.size()
                    +  " datasources are selected. Name one: " + Dialects.all().stream()
                    .map(dialect -> "-Dbrokle.migrate.db=" + dialect.name()).collect(Collectors.joining(" or ")));
        }
        return targets;
    }

    private static ConfigurationException notConfigured(String name) {
        DatasourceKind.Traits kind = Dialects.of(name).traits();
        return new ConfigurationException(name + " is not configured. Set brokle.migrate." + name + ".url (or the "
                + kind.urlVariable() + " environment variable), e.g. -Dbrokle.migrate." + name + ".url="
                + kind.exampleUrl());
    }

    /** Connects to the target's database (starting the embedded server if it is the one). */
    void open(Target target) {
        target.open(config.workDir(), reporter);
    }
}
