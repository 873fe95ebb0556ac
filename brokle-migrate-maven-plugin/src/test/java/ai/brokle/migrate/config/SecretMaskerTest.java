package ai.brokle.migrate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretMaskerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgres://u:secret@h:5432/db | postgres://u:***@h:5432/db",
            "postgres://u@h:5432/db | postgres://u@h:5432/db",
            "postgres://h:5432/db?sslmode=disable | postgres://h:5432/db?sslmode=disable",
            "jdbc:clickhouse:http://u:secret@h:8123/db | jdbc:clickhouse:http://u:***@h:8123/db",
            "jdbc:postgresql://h/db?user=u&password=secret&ssl=true | jdbc:postgresql://h/db?user=u&password=***&ssl=true",
            "jdbc:postgresql://h/db?PASSWORD=secret | jdbc:postgresql://h/db?PASSWORD=***",
            "jdbc:sqlserver://h;pwd=secret;db=x | jdbc:sqlserver://h;pwd=***;db=x",
            "jdbc:postgresql://u:secret@h:5432/db | jdbc:postgresql://u:***@h:5432/db",
            "jdbc:postgresql://h/db?password=secret | jdbc:postgresql://h/db?password=***",
            "jdbc:postgresql://h/db?ssl=true&password=secret | jdbc:postgresql://h/db?ssl=true&password=***",
            "jdbc:postgresql://h/db?sslpassword=secret&ssl=true | jdbc:postgresql://h/db?sslpassword=***&ssl=true",
            "jdbc:clickhouse:https://h:8443/db?access_token=secret | jdbc:clickhouse:https://h:8443/db?access_token=***",
            "jdbc:clickhouse:http://h/db?user=u&pass=secret | jdbc:clickhouse:http://h/db?user=u&pass=***",
            "clickhouse://default:secret@h:9000/default | clickhouse://default:***@h:9000/default",
            "tcp://default:secret@h:9000/default | tcp://default:***@h:9000/default",
            // unencoded '/', '#', '?' or '@' in the password: everything up to the last '@' is hidden
            "postgres://u:s3cr@t/xyz@host:5432/db | postgres://u:***@host:5432/db",
            "postgres://u:a/b#c@host/db | postgres://u:***@host/db",
            "postgres://u:secret@h/db?email=a@b | postgres://u:***@b",
            "embedded PostgreSQL | embedded PostgreSQL",
    })
    void masksCredentialsInUrls(String url, String expected) {
        assertEquals(expected, SecretMasker.maskUrl(url));
    }

    @Test
    void masksUrlsInFreeTextAndEveryOccurrenceOfTheSecret() {
        String text = "cannot connect to postgres://u:hunter2@h/db: password hunter2 rejected";
        assertEquals("cannot connect to postgres://u:***@h/db: password *** rejected",
                SecretMasker.mask(text, "hunter2"));
        assertEquals("no secret here", SecretMasker.mask("no secret here", null));
    }

    @Test
    void maskedCopyHidesSecretsInEveryMessageOfTheChainAndKeepsTheStackTrace() {
        IllegalStateException root = new IllegalStateException("login with hunter2 refused");
        RuntimeException middle = new RuntimeException("cannot open jdbc:postgresql://h/db?password=hunter2", root);
        middle.addSuppressed(new IllegalArgumentException("suppressed hunter2"));
        Throwable copy = SecretMasker.maskedCopy(middle, List.of("hunter2"));
        StringWriter trace = new StringWriter();
        copy.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains("hunter2"), trace.toString());
        assertTrue(trace.toString().contains(
                "java.lang.RuntimeException: cannot open jdbc:postgresql://h/db?password=***"), trace.toString());
        assertTrue(trace.toString().contains(
                "Caused by: java.lang.IllegalStateException: login with *** refused"), trace.toString());
        assertTrue(trace.toString().contains("Suppressed: "), trace.toString());
        assertEquals(middle.getStackTrace()[0], copy.getStackTrace()[0]);
        assertNull(SecretMasker.maskedCopy(null, List.of("x")));
    }

    @Test
    void nullIsNull() {
        assertNull(SecretMasker.maskUrl(null));
        assertNull(SecretMasker.mask(null, "x"));
    }
}
