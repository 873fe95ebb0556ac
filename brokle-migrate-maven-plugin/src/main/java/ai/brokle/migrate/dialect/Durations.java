package ai.brokle.migrate.dialect;

import java.time.Duration;

/** Durations as the guards show them: {@code 500ms}, {@code 5s}, {@code 2min}. */
public final class Durations {

    private Durations() {
    }

    public static String show(Duration d) {
        long millis = d.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "min";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
