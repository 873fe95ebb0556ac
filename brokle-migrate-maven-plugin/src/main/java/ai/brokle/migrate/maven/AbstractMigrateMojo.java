package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.ConfigResolver;
import ai.brokle.migrate.config.ConfigSources;
import ai.brokle.migrate.config.Credentials;
import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.engine.Configurations;
import ai.brokle.migrate.engine.Confirmer;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.Reporter;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.io.Console;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Maven glue shared by every goal: parameters, configuration sources, the prompter, the log, and the one place
 * where engine errors become Maven failures ({@link MojoFailures}: user errors fail the build, the rest are
 * execution errors, all masked).
 */
public abstract class AbstractMigrateMojo extends AbstractMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    /** Skip this goal. */
    @Parameter(property = "brokle.migrate.skip", defaultValue = "false")
    protected boolean skip;

    /** Datasource(s): {@code postgres}, {@code clickhouse} or {@code all}. */
    @Parameter(property = "brokle.migrate.db")
    protected String db;

    /**
     * PostgreSQL datasource, {@code <postgres><url>...</url></postgres>}; each field also as a property, which wins:
     * {@code brokle.migrate.postgres.url}, {@code .username}, {@code .password}, {@code .serverId}, {@code .dir}
     * (default {@code migrations}), {@code .table} (default {@code schema_migrations}), {@code .lockTimeout},
     * {@code .statementTimeout}. Without a URL anywhere, an embedded PostgreSQL is used.
     */
    @Parameter
    protected DatasourceParameters postgres;

    /**
     * ClickHouse datasource, {@code <clickhouse><url>...</url></clickhouse>}; each field also as a property, which
     * wins: {@code brokle.migrate.clickhouse.url}, {@code .username}, {@code .password}, {@code .serverId},
     * {@code .dir} (default {@code migrations/clickhouse}), {@code .table} (default {@code schema_migrations}),
     * {@code .cluster}, {@code .httpPort}, {@code .maxExecutionTime}.
     */
    @Parameter
    protected DatasourceParameters clickhouse;

    private final SettingsDecrypter decrypter;

    protected AbstractMigrateMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("brokle-migrate: skipped (brokle.migrate.skip=true)");
            return;
        }
        MigrateConfig config = null;
        try {
            ConfigSources sources = sources();
            config = Configurations.resolve(sources);
            config.notes().forEach(note -> getLog().info(note));
            run(new Migrator(config, reporter(), this::prompt), new GoalOptions(sources.baseDir(),
                    sources.commandLine()));
        } catch (RuntimeException e) {
            List<String> secrets = config == null ? List.of()
                    : config.datasources().stream().flatMap(d -> d.secrets().stream()).toList();
            AbstractMojoExecutionException failure = MojoFailures.of(e, secrets);
            if (failure instanceof MojoFailureException userError) {
                throw userError;
            }
            throw (MojoExecutionException) failure;
        }
    }

    /**
     * The goal's one engine call, its request built from the goal's parameters through {@code options} (so a
     * {@code -D} property wins over the pom), and the rendering of its result.
     */
    protected abstract void run(Migrator migrator, GoalOptions options) throws MojoFailureException;

    /** Where the plugin keeps its own files: {@code target/brokle-migrate}. */
    protected Path workDir() {
        return buildDirectory.toPath().resolve("brokle-migrate");
    }

    private ConfigSources sources() {
        Map<String, String> pom = new HashMap<>();
        pom.put("db", db);
        if (postgres != null) {
            postgres.putInto("postgres", pom);
        }
        if (clickhouse != null) {
            clickhouse.putInto("clickhouse", pom);
        }
        Map<String, String> commandLine = new HashMap<>();
        copy(session.getSystemProperties(), commandLine);
        copy(session.getUserProperties(), commandLine);
        return new ConfigSources(basedir.toPath(), workDir(), pom,
                System.getenv(), commandLine, this::server);
    }

    private static void copy(Properties from, Map<String, String> to) {
        for (String name : from.stringPropertyNames()) {
            if (name.startsWith(ConfigResolver.PREFIX)) {
                to.put(name, from.getProperty(name));
            }
        }
    }

    private Optional<Credentials> server(String id) {
        Server server = session.getSettings().getServer(id);
        if (server == null) {
            return Optional.empty();
        }
        Server decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server)).getServer();
        return Optional.of(new Credentials(decrypted.getUsername(), decrypted.getPassword()));
    }

    private Reporter reporter() {
        return new Reporter() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }

            @Override
            public void error(String line) {
                getLog().error(line);
            }
        };
    }

    private Confirmer.Decision prompt(String action) {
        Console console = System.console();
        if (!session.getRequest().isInteractiveMode() || console == null) {
            return Confirmer.Decision.NO_CONSOLE;
        }
        String answer = console.readLine("DANGER: About to %s. This action cannot be undone and may result in data "
                + "loss.%nType 'yes' to confirm (anything else will cancel): ", action);
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).equals("yes")
                ? Confirmer.Decision.CONFIRMED : Confirmer.Decision.DECLINED;
    }
}
