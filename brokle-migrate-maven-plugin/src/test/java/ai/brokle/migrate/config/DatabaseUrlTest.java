package ai.brokle.migrate.config;

import ai.brokle.migrate.UserError;
import ai.brokle.migrate.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class DatabaseUrlTest {

    private static final String PARAM = "brokle.migrate.postgres.url (from environment)";

    private final List<String> notes = new ArrayList<>();

    private DatabaseUrl parse(String datasource, String url) {
        return parse(datasource, url, null);
    }

    private DatabaseUrl parse(String datasource, String url, Integer httpPort) {
        return DatabaseUrl.parse(Dialects.of(datasource), PARAM, url, httpPort, notes::add);
    }

    static Stream<Arguments> conversions() {
        return Stream.of(
                arguments("postgres", "postgres://user:p%40ss@host:5433/db?sslmode=disable",
                        new DatabaseUrl("jdbc:postgresql://host:5433/db?sslmode=disable", "user", "p@ss")),
                arguments("postgres", "postgresql://host/db",
                        new DatabaseUrl("jdbc:postgresql://host:5432/db", null, null)),
                arguments("postgres", "postgres://only_user@host/db",
                        new DatabaseUrl("jdbc:postgresql://host:5432/db", "only_user", null)),
                arguments("postgres", "postgres://u:p%2Fw%3A%20x@h/db",
                        new DatabaseUrl("jdbc:postgresql://h:5432/db", "u", "p/w: x")),
                arguments("postgres", "postgres://u:a+b@h/db",
                        new DatabaseUrl("jdbc:postgresql://h:5432/db", "u", "a+b")),
                arguments("postgres", "postgres://u%40corp:pw@h/db",
                        new DatabaseUrl("jdbc:postgresql://h:5432/db", "u@corp", "pw")),
                arguments("postgres", "postgres://u:p:with:colons@h/db",
                        new DatabaseUrl("jdbc:postgresql://h:5432/db", "u", "p:with:colons")),
                arguments("postgres", "  postgres://h:5432/db?sslmode=require&x-multi-statement-max-size=10  ",
                        new DatabaseUrl("jdbc:postgresql://h:5432/db?sslmode=require", null, null)),
                arguments("postgres", "postgres://h/db?x-multi-statement=true",
                        new DatabaseUrl("jdbc:postgresql://h:5432/db", null, null)),
                arguments("postgres", "postgres://[::1]:5433/db",
                        new DatabaseUrl("jdbc:postgresql://[::1]:5433/db", null, null)),
                // lib/pq's run-time parameters reach the server through options; its own settings keep their meaning
                arguments("postgres", "postgres://h/db?sslmode=disable&search_path=app%2Cpublic&connect_timeout=5"
                                + "&application_name=a%20b&binary_parameters=yes",
                        new DatabaseUrl("jdbc:postgresql://h:5432/db?sslmode=disable&connectTimeout=5"
                                + "&ApplicationName=a%20b&options=-c%20search_path%3Dapp%2Cpublic", null, null)),
                arguments("postgres", "jdbc:postgresql://h:5432/db?user=u&password=pw",
                        new DatabaseUrl("jdbc:postgresql://h:5432/db?user=u&password=pw", null, null)),
                arguments("postgres", "jdbc:postgresql:db",
                        new DatabaseUrl("jdbc:postgresql:db", null, null)),
                arguments("clickhouse", "clickhouse://u:p@h:8123/db",
                        new DatabaseUrl("jdbc:clickhouse:http://h:8123/db", "u", "p")),
                arguments("clickhouse", "clickhouse://h",
                        new DatabaseUrl("jdbc:clickhouse:http://h:8123/default", null, null)),
                // golang-migrate's documented form: user, password and database as query parameters
                arguments("clickhouse", "clickhouse://h:8123?username=u&password=p%40ss&database=clicks"
                                + "&x-multi-statement=true",
                        new DatabaseUrl("jdbc:clickhouse:http://h:8123/clicks", "u", "p@ss")),
                // the Go client's own options are not sent; any other parameter is a server setting
                arguments("clickhouse", "clickhouse://h:8123/db?dial_timeout=5s&compress=lz4&max_execution_time=60",
                        new DatabaseUrl("jdbc:clickhouse:http://h:8123/db?clickhouse_setting_max_execution_time=60",
                                null, null)),
                arguments("clickhouse", "clickhouse://h:8123/",
                        new DatabaseUrl("jdbc:clickhouse:http://h:8123/default", null, null)),
                arguments("clickhouse", "jdbc:clickhouse:http://h:8123/db?ssl=false",
                        new DatabaseUrl("jdbc:clickhouse:http://h:8123/db?ssl=false", null, null)),
                arguments("clickhouse", "jdbc:clickhouse:https://h:8443/db",
                        new DatabaseUrl("jdbc:clickhouse:https://h:8443/db", null, null)),
                arguments("clickhouse", "jdbc:clickhouse://u:p@h:8123/db",
                        new DatabaseUrl("jdbc:clickhouse:http://h:8123/db", "u", "p")),
                arguments("clickhouse", "jdbc:ch://h/db",
                        new DatabaseUrl("jdbc:clickhouse:http://h:8123/db", null, null)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("conversions")
    void convertsUrlForms(String datasource, String url, DatabaseUrl expected) {
        assertEquals(expected, parse(datasource, url));
        assertEquals(List.of(), notes, "no port mapping note expected");
    }

    @Test
    void clickhouseNativePortIsMappedToHttpWithANote() {
        DatabaseUrl url = parse("clickhouse", "clickhouse://u:p@h:9000/db?x-multi-statement=true");
        assertEquals(new DatabaseUrl("jdbc:clickhouse:http://h:8123/db", "u", "p"), url);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("9000") && notes.get(0).contains("8123"), notes.get(0));
        assertTrue(notes.get(0).contains("brokle.migrate.clickhouse.httpPort"), notes.get(0));
    }

    @Test
    void tcpSchemeIsClickHouseNative() {
        assertEquals(new DatabaseUrl("jdbc:clickhouse:http://h:8123/db", null, null),
                parse("clickhouse", "tcp://h:9000/db"));
        assertEquals(1, notes.size());
    }

    @Test
    void clickhouseNativeTlsPortIsMappedToHttps() {
        assertEquals(new DatabaseUrl("jdbc:clickhouse:https://h:8443/db?secure=true", null, null),
                parse("clickhouse", "clickhouse://h:9440/db?secure=true"));
        assertTrue(notes.get(0).contains("8443"), notes.toString());
    }

    @Test
    void httpPortOverridesTheNativePortMapping() {
        assertEquals(new DatabaseUrl("jdbc:clickhouse:http://h:18123/db", "u", "p"),
                parse("clickhouse", "clickhouse://u:p@h:9000/db", 18123));
        assertTrue(notes.get(0).contains("18123"), notes.toString());
    }

    @Test
    void httpPortDoesNotChangeAnExplicitHttpPort() {
        assertEquals("jdbc:clickhouse:http://h:8124/db", parse("clickhouse", "clickhouse://h:8124/db", 18123).jdbcUrl());
    }

    @Test
    void jdbcClickHouseUrlWithNativePortIsMappedToo() {
        assertEquals("jdbc:clickhouse:http://h:8123/db", parse("clickhouse", "jdbc:clickhouse://h:9000/db").jdbcUrl());
        assertEquals(1, notes.size());
    }

    @Test
    void clickHouseSkipVerifyIsRefusedWithTheWayOut() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse("clickhouse", "clickhouse://h:9440/db?secure=true&skip_verify=true"));
        assertTrue(e.getMessage().contains("without skip_verify"), e.getMessage());
    }

    @Test
    void aClickHouseDatabaseInPathAndQueryMustAgree() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse("clickhouse", "clickhouse://h:8123/one?database=two"));
        assertTrue(e.getMessage().contains("the path names one, the database parameter two"), e.getMessage());
    }

    @Test
    void libpqSettingsTheDriverCannotHonourAreRefusedByName() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse("postgres", "postgres://u:secret@h/db?host=%2Fvar%2Frun%2Fpostgresql"));
        assertTrue(e.getMessage().contains("the URL parameter host is lib/pq's"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    static Stream<Arguments> badUrls() {
        return Stream.of(
                arguments("postgres", "mysql://admin:Sup3rSecret@h/db", "Sup3rSecret"),
                arguments("postgres", "clickhouse://admin:Sup3rSecret@h:9000/db", "Sup3rSecret"),
                arguments("clickhouse", "postgres://admin:Sup3rSecret@h/db", "Sup3rSecret"),
                arguments("clickhouse", "jdbc:postgresql://h/db?password=Sup3rSecret", "Sup3rSecret"),
                arguments("postgres", "postgres:///db", null),
                arguments("postgres", "not a url", null),
                // unencoded special characters in the password: the URL cannot be parsed, the password must still
                // not leak into the message
                arguments("postgres", "postgres://admin:Sup3r Secret@h/db", "Sup3r Secret"),
                arguments("postgres", "postgres://admin:Sup3r@Secret@h/db", "Secret"),
                arguments("postgres", "postgres://admin:s3cr@t!pw@db.example.com:5432/app", "t!pw"),
                arguments("postgres", "postgres://admin:Sup3r%zzSecret@h/db", "Secret"),
                arguments("clickhouse", "clickhouse://admin:Sup3r@Secret@h:9000/db", "Secret"),
                // the userinfo cut short by an unencoded '/', '#' or '?': the rest must not become host or path
                arguments("postgres", "postgres://u:s3cr@t/xyz@host:5432/db", "xyz"),
                arguments("postgres", "postgres://a:b@c#d@host:5432/db", "c#d"),
                arguments("postgres", "postgres://u:pa@ss?w@host:5432/db", "ss?w"),
                arguments("clickhouse", "clickhouse://u:s3cr@t/xyz@host:9000/db", "xyz"),
                arguments("clickhouse", "jdbc:clickhouse:http://u:s3cr@t/xyz@host:8123/db", "xyz"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badUrls")
    void badUrlErrorNamesTheParameterAndHidesThePassword(String datasource, String url, String secret) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(datasource, url));
        assertTrue(e.getMessage().startsWith(PARAM + "="), e.getMessage());
        assertTrue(e.getMessage().contains("Use "), "shows the expected form: " + e.getMessage());
        if (secret != null) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
        assertInstanceOf(UserError.class, e);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "postgres://u:s3cr@t/xyz@host:5432/db", "postgres://a:b@c#d@host:5432/db",
            "postgres://u:pa@ss?w@host:5432/db"})
    void passwordWithUnencodedSpecialCharactersIsRefusedWithThePercentEncoding(String url) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse("postgres", url));
        assertTrue(e.getMessage().contains("'@' as %40") && e.getMessage().contains("'#' as %23"), e.getMessage());
        assertTrue(e.getMessage().contains("@host:5432/db"), "shows the host part: " + e.getMessage());
        for (String secretPart : List.of("s3cr", "xyz", "b@c", "c#d", "pa@", "ss?w")) {
            assertFalse(e.getMessage().contains(secretPart), e.getMessage());
        }
    }

    @Test
    void toStringNeverShowsThePassword() {
        DatabaseUrl url = parse("postgres", "postgres://user:Sup3rSecret@host:5433/db");
        assertEquals("Sup3rSecret", url.password());
        assertFalse(url.toString().contains("Sup3rSecret"), url.toString());
        assertTrue(url.toString().contains("host:5433"), url.toString());
        DatabaseUrl jdbc = parse("postgres", "jdbc:postgresql://h/db?password=Sup3rSecret");
        assertFalse(jdbc.toString().contains("Sup3rSecret"), jdbc.toString());
    }
}
