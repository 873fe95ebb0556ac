package ai.brokle.migrate.dialect;

import java.nio.file.Path;

/** A database server the plugin started itself; closed when the goal ends. */
public interface EmbeddedServer extends AutoCloseable {

    String jdbcUrl();

    String username();

    /** Where the server keeps its data. */
    Path dataDir();

    @Override
    void close();
}
