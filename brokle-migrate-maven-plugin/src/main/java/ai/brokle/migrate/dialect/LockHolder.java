package ai.brokle.migrate.dialect;

import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Who holds a migration lock.
 *
 * @param id    what {@code unlock} needs to remove this holder's lock ({@code -Dbrokle.migrate.holder=ID})
 * @param who   the operating-system user (ClickHouse) or the client application (PostgreSQL)
 * @param host  the holder's host name (ClickHouse) or client address (PostgreSQL)
 * @param pid   the holder's process id (ClickHouse) or server backend id (PostgreSQL)
 * @param since when the lock was taken, by the holder's clock (ClickHouse) or the server's (PostgreSQL)
 */
public record LockHolder(String id, String who, String host, long pid, Instant since) {

    private static final String LOCAL_HOST = localHostName();

    /** This process as a new holder, with a fresh id. */
    public static LockHolder thisProcess() {
        return new LockHolder(UUID.randomUUID().toString(), System.getProperty("user.name", "unknown user"),
                LOCAL_HOST, ProcessHandle.current().pid(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** True when the holder is a process on this machine that is still running. */
    public boolean isAliveOnThisHost() {
        return host.equals(LOCAL_HOST) && ProcessHandle.of(pid).isPresent();
    }

    /** One line for status, prompts and messages. */
    public String describe() {
        return "holder " + id + " (" + who + ", pid " + pid + " on " + host + ") since " + since;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown host";
        }
    }
}
