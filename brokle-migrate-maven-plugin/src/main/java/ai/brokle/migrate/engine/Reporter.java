package ai.brokle.migrate.engine;

/** Where the engine writes progress for the user (the Maven log in the plugin). */
public interface Reporter {

    void info(String line);

    void warn(String line);

    /** A problem that will fail the goal; shown as a warning where the log has no error level. */
    default void error(String line) {
        warn(line);
    }
}
