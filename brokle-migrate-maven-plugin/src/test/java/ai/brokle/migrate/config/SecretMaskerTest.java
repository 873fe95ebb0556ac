package ai.brokle.migrate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
            "postgres://u:secret@h/db?email=a@b | postgres://u:***@h/db?email=a@b",
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
    void nullIsNull() {
        assertNull(SecretMasker.maskUrl(null));
        assertNull(SecretMasker.mask(null, "x"));
    }
}
