package ai.brokle.migrate.dialect;

/** A database server the plugin started itself; closed when the goal ends. */
public interface EmbeddedServer extends AutoCloseable {

    String jdbcUrl();

    String username();

    @Override
    void close();
}
