package ai.brokle.migrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Reading a failure: its chain of causes and the first line of a message. */
public final class Failures {

    private Failures() {
    }

    /** The failure and its causes, outermost first; a cause chain that loops is cut where it repeats. */
    public static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** The innermost cause: usually the driver's or the operating system's own reason. */
    public static Throwable rootCause(Throwable failure) {
        List<Throwable> chain = causes(failure);
        return chain.get(chain.size() - 1);
    }

    /** The first line of a (driver's) message, or "no details" when there is none. */
    public static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol);
    }
}
