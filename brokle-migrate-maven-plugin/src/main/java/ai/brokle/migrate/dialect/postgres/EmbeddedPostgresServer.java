package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.dialect.EmbeddedServer;
import ai.brokle.migrate.dialect.EmbeddedStartFailedException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;

/**
 * A real PostgreSQL server (binaries from Maven Central) for projects that configure none. Its data lives under
 * the plugin's work directory and persists between goal executions; the server runs only while a goal runs.
 */
final class EmbeddedPostgresServer implements EmbeddedServer {

    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static EmbeddedPostgresServer start(Path dataDir) {
        Path log = dataDir.resolveSibling("postgres.log");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDir.resolveSibling("binaries").toFile())
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .start();
            return new EmbeddedPostgresServer(postgres, dataDir);
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedStartFailedException("The embedded PostgreSQL could not start in " + dataDir + ": " + e.getMessage()
                    + ". If another build is using it, wait for it to finish; otherwise see " + log
                    + ", or delete " + dataDir + " to start from an empty database.", e);
        }
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new InternalFailure("The embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
