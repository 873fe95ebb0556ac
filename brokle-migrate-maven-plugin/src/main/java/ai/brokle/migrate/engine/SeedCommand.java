package ai.brokle.migrate.engine;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.config.ConfigurationException;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.dialect.Dialect;
import ai.brokle.migrate.dialect.Dialects;
import ai.brokle.migrate.seed.SeedFileParser;
import ai.brokle.migrate.seed.SeedResult;
import ai.brokle.migrate.seed.SeedSet;
import ai.brokle.migrate.seed.Seeder;

import ai.brokle.migrate.state.SchemaVersion;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The seed goal: finds the seed file ({@code seed=dev} → {@code seeds/dev.yaml}, or {@code seedFile}), connects to
 * each selected datasource the file has tables for, and hands over to the {@link Seeder}. Top-level tables go to
 * PostgreSQL, the {@code clickhouse:} section to ClickHouse; CSV paths in the file are relative to the project.
 */
record SeedCommand(MigrateConfig config, Reporter reporter, Confirmation confirmation, SeedRequest request) {

    SeedResult run() {
        Path file = seedFile();
        String shown = shown(file);
        String primary = Dialects.primary().name();
        Set<String> sections = new HashSet<>();
        Dialects.all().stream().map(Dialect::name).filter(name -> !name.equals(primary)).forEach(sections::add);
        SeedSet set = new SeedFileParser(primary, sections, config.baseDir()).parse(file, shown);
        List<String> skipped = new ArrayList<>();
        Set<String> selected = new HashSet<>();
        List<Target> targets = new ArrayList<>();
        try {
            List<Seeder.Destination> destinations = new ArrayList<>();
            for (DatasourceConfig datasource : config.datasources()) {
                selected.add(datasource.name());
                if (set.tables(datasource.name()).isEmpty()) {
                    continue;
                }
                if (!datasource.configured()) {
                    if (!config.db().equals("all")) {
                        throw new ConfigurationException(datasource.name() + " is not configured, so the seed cannot be "
                                + "loaded into it. Set brokle.migrate." + datasource.name() + ".url, e.g. "
                                + "-Dbrokle.migrate." + datasource.name() + ".url=...");
                    }
                    skipped.add(skip(set, datasource.name(), "not configured (set brokle.migrate."
                            + datasource.name() + ".url to load it)"));
                    continue;
                }
                Target target = new Target(datasource, Dialects.of(datasource.name()), List.of());
                targets.add(target);
                target.connect(config.workDir(), reporter);
                refuseDirty(target);
                destinations.add(new Seeder.Destination(datasource.name(), target.displayUrl(),
                        target.dialect.seedStore(target.connection())));
            }
            for (String datasource : set.sections().keySet()) {
                if (!selected.contains(datasource) && !set.tables(datasource).isEmpty()) {
                    skipped.add(skip(set, datasource, "not selected (brokle.migrate.db=" + config.db() + ")"));
                }
            }
            SeedResult result = new Seeder(Clock.systemUTC(), reporter::info, confirmation::require)
                    .run(set, destinations, request.reset(), request.dryRun());
            return new SeedResult(result.file(), result.dryRun(), result.reset(), result.tables(), skipped);
        } finally {
            targets.forEach(Target::close);
        }
    }

    private Path seedFile() {
        if (request.seedFile() != null && request.seed() != null) {
            throw new ConfigurationException("Both brokle.migrate.seed=" + request.seed() + " and brokle.migrate.seedFile="
                    + request.seedFile() + " are set. Give one: a set name (dev → seeds/dev.yaml) or a file path.");
        }
        if (request.seedFile() != null) {
            return request.seedFile();
        }
        String name = request.seed() == null ? "" : request.seed().strip();
        if (name.isEmpty()) {
            throw new ConfigurationException("seed needs a seed set. Example: mvn brokle-migrate:seed "
                    + "-Dbrokle.migrate.seed=dev (loads seeds/dev.yaml), or "
                    + "-Dbrokle.migrate.seedFile=path/to/file.yaml");
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || name.endsWith(".yaml") || name.endsWith(".yml")) {
            throw new ConfigurationException("brokle.migrate.seed=" + name + " is not a seed set name. Give the name "
                    + "without directory or extension (dev loads seeds/dev.yaml), or a path with "
                    + "-Dbrokle.migrate.seedFile=" + name);
        }
        return config.baseDir().resolve("seeds").resolve(name + ".yaml");
    }

    private String shown(Path file) {
        Path base = config.baseDir().toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }

    private String skip(SeedSet set, String datasource, String why) {
        String line = "[" + datasource + "] " + why + ": skipped the " + datasource + " part of " + set.file()
                + " (" + set.tables(datasource).size() + " table(s), " + set.rowCount(datasource) + " row(s))";
        reporter.info(line);
        return line;
    }

    /**
     * Refuses a dirty datasource. The clean case reads golang-migrate's flag alone; only a dirty one reads the full
     * state (Liquibase's records too) to explain the recovery.
     */
    private void refuseDirty(Target target) {
        try {
            if (target.versionTable().read().map(SchemaVersion::dirty).orElse(false)) {
                try (PreparedTarget state = PreparedTarget.read(target, reporter)) {
                    state.requireClean();
                }
            }
        } catch (SQLException e) {
            throw new InternalFailure("[" + target.name() + "] cannot read " + target.config.table() + ": "
                    + e.getMessage() + ". Check the connection and privileges.", e);
        }
    }
}
