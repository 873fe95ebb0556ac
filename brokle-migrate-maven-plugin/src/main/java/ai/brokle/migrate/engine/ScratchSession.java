package ai.brokle.migrate.engine;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.SecretMasker;
import ai.brokle.migrate.dialect.Dialect;
import ai.brokle.migrate.dialect.EmbeddedServer;
import ai.brokle.migrate.dialect.ScratchDatabases;
import ai.brokle.migrate.liquibase.ChangeLogException;
import ai.brokle.migrate.schema.SchemaSnapshot;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The throwaway database verify works in, on the datasource's server (the embedded PostgreSQL when none is
 * configured). It is named {@code brokle_verify_<UTC yyyyMMddHHmmss>_<random>}, so a run killed before it could drop
 * its database leaves one the next run recognises and removes once it is an hour old. The configured database
 * itself is only used to reach the server: nothing is created in it.
 */
final class ScratchSession implements AutoCloseable {

    static final String PREFIX = "brokle_verify_";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Duration STALE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatasourceConfig config;
    private final Dialect dialect;
    private final ScratchDatabases scratch;
    private final Reporter reporter;
    private final Path workDir;
    private final Clock clock;
    private EmbeddedServer embedded;
    private Connection server;
    private String serverUrl;
    private String user;
    private String database;
    private Target target;

    ScratchSession(DatasourceConfig config, Dialect dialect, Reporter reporter, Path workDir, Clock clock) {
        this.config = config;
        this.dialect = dialect;
        this.scratch = dialect.scratchDatabases();
        this.reporter = reporter;
        this.workDir = workDir;
        this.clock = clock;
    }

    /** Connects to the server, removes stale scratch databases, creates a fresh one and opens it. */
    ScratchSession open(Target template) {
        serverUrl = config.jdbcUrl();
        user = config.username();
        String where = config.displayUrl();
        var server = dialect.startEmbedded(config, workDir);
        if (server.isPresent()) {
            embedded = server.get();
            serverUrl = embedded.jdbcUrl();
            user = embedded.username();
            where = "the embedded " + dialect.traits().productName();
        }
        try {
            this.server = dialect.connect(serverUrl, user, config.password());
            dialect.session(this.server); // proves the connection, as Target does (a driver may connect lazily)
        } catch (SQLException | RuntimeException e) {
            close();
            throw new ConnectionFailedException("Cannot connect to " + name() + " at " + config.displayUrl() + ": "
                    + SecretMasker.maskAll(e.getMessage(), config.secrets()) + ". Check the URL and credentials "
                    + "(brokle.migrate." + name() + ".url / .username / .password or .serverId).");
        }
        removeStale();
        fresh(template);
        reporter.info("[" + name() + "] verifying on scratch database " + database + " on " + where);
        return this;
    }

    /** Replaces the scratch database by a new, empty one (after a failed step left the old one in doubt). */
    Target fresh(Target template) {
        dropCurrent();
        database = PREFIX + LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(STAMP) + "_"
                + Long.toString(RANDOM.nextLong() >>> 24, 36);
        try {
            scratch.create(server, database);
        } catch (SQLException e) {
            String reason = SecretMasker.maskAll(e.getMessage(), config.secrets());
            if (scratch.isPermissionDenied(e)) {
                throw new DatabaseRefusedException("[" + name() + "] verify needs a scratch database, but "
                        + (user == null ? "this user" : "user " + user) + " may not create databases on "
                        + config.displayUrl() + " (" + reason + "). " + scratch.permissionFix(user) + ".", e);
            }
            throw new InternalFailure("[" + name() + "] cannot create the scratch database " + database + " on "
                    + config.displayUrl() + ": " + reason + ". Check that the server accepts CREATE DATABASE, "
                    + "then run verify again.", e);
        }
        DatasourceConfig scratchConfig = new DatasourceConfig(config.kind(),
                ScratchDatabases.withDatabase(serverUrl, database), user, config.password(), false, config.dir(),
                config.table(), null, config.tableEngine(), config.statementTimeout(), config.lockTimeout());
        target = new Target(scratchConfig, dialect, template.migrations);
        target.open(workDir.resolve("verify"), reporter);
        try {
            for (String ddl : dialect.trackingTablesSql(scratchConfig)) {
                target.execute(ddl);
            }
            target.changeLog().initAndReadApplied();
            target.versionTable().ensureExists();
            target.changeLog().commit();
        } catch (SQLException | ChangeLogException e) {
            throw target.failure("cannot prepare the scratch database " + database + ": ", e, InternalFailure::new);
        }
        return target;
    }

    Target target() {
        return target;
    }

    SchemaSnapshot snapshot() {
        try {
            return dialect.snapshot(target.connection(), target.config);
        } catch (SQLException e) {
            throw target.failure("cannot read the schema of the scratch database " + database + ": ", e,
                    InternalFailure::new);
        }
    }

    /** Drops {@code brokle_verify_*} databases older than an hour: what killed runs left behind. */
    private void removeStale() {
        try {
            for (String name : scratch.list(server, PREFIX)) {
                Instant created = created(name);
                if (created != null && created.isBefore(clock.instant().minus(STALE))) {
                    scratch.drop(server, name);
                    reporter.info("[" + name() + "] removed stale scratch database " + name + " (created " + created
                            + ", more than an hour ago: left by a verify run that did not finish)");
                }
            }
        } catch (SQLException e) {
            reporter.warn("[" + name() + "] could not look for stale scratch databases: " + e.getMessage());
        }
    }

    /** The creation time in a scratch database's name, or null when the name is not one of ours. */
    static Instant created(String name) {
        if (!name.startsWith(PREFIX) || name.length() < PREFIX.length() + 14) {
            return null;
        }
        try {
            return LocalDateTime.parse(name.substring(PREFIX.length(), PREFIX.length() + 14), STAMP)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void dropCurrent() {
        if (target != null) {
            target.close();
            target = null;
        }
        if (database != null && server != null) {
            try {
                scratch.drop(server, database);
            } catch (SQLException e) {
                reporter.warn("[" + name() + "] could not drop the scratch database " + database + ": "
                        + e.getMessage() + ". The next verify run removes it once it is an hour old.");
            }
            database = null;
        }
    }

    private String name() {
        return config.name();
    }

    @Override
    public void close() {
        dropCurrent();
        Target.release(server, embedded);
        server = null;
        embedded = null;
    }
}
