package ai.brokle.migrate.dialect;

import java.util.List;

/**
 * Keeps the start-up chatter of the database libraries (embedded server, drivers) out of the user's build log; the
 * engine reports what matters in its own lines. Maven's simple logger reads these levels when a library first asks
 * for a logger, so this runs before any driver class loads. A level the user set explicitly is kept.
 */
final class LibraryLogging {

    private static final List<String> QUIET = List.of("io.zonky.test", "ru.yandex.clickhouse", "com.clickhouse");

    private LibraryLogging() {
    }

    static void quiet() {
        for (String logger : QUIET) {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "warn");
            }
        }
    }
}
