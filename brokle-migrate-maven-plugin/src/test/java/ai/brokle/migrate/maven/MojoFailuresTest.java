package ai.brokle.migrate.maven;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.UserError;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code mvn -e} prints: the message and every cause, with no password in any of them. */
class MojoFailuresTest {

    private static final String SECRET = "Sup3r-S3cret";

    private static String trace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void userErrorBecomesAFailureWithMaskedCauses() {
        SQLException driver = new SQLException("cannot connect to jdbc:clickhouse:http://h:8123/db?password=" + SECRET
                + " as default/" + SECRET);
        Exception mojo = MojoFailures.of(new UserError("Cannot connect: " + SECRET + ". Check it.", driver) { },
                List.of(SECRET));
        assertInstanceOf(MojoFailureException.class, mojo);
        assertEquals("Cannot connect: ***. Check it.", mojo.getMessage());
        assertFalse(trace(mojo).contains(SECRET), trace(mojo));
        assertTrue(trace(mojo).contains("Caused by: java.sql.SQLException: cannot connect to "
                + "jdbc:clickhouse:http://h:8123/db?password=***"), trace(mojo));
    }

    @Test
    void internalErrorBecomesAnExecutionFailure() {
        Exception mojo = MojoFailures.of(new InternalFailure("Liquibase failed",
                new IllegalStateException(SECRET)), List.of(SECRET));
        assertInstanceOf(MojoExecutionException.class, mojo);
        assertFalse(trace(mojo).contains(SECRET), trace(mojo));
    }

    @Test
    void unexpectedFailureIsMaskedToo() {
        Exception mojo = MojoFailures.of(new IllegalStateException("boom at postgres://u:" + SECRET + "@h/db "
                + SECRET), List.of(SECRET));
        assertInstanceOf(MojoExecutionException.class, mojo);
        assertEquals("brokle-migrate failed unexpectedly: java.lang.IllegalStateException: boom at "
                + "postgres://u:***@h/db ***", mojo.getMessage());
        assertFalse(trace(mojo).contains(SECRET), trace(mojo));
    }

    @Test
    void urlsAreMaskedEvenWithoutAKnownSecret() {
        Exception mojo = MojoFailures.of(new IllegalArgumentException("bad postgres://u:" + SECRET + "@h/db"),
                List.of());
        assertFalse(trace(mojo).contains(SECRET), trace(mojo));
    }
}
