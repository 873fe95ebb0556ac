package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.config.DatabaseUrl;
import ai.brokle.migrate.config.UrlInput;

/**
 * PostgreSQL's URL forms: {@code jdbc:postgresql://...} as pgjdbc reads it, and {@code postgres://user:pass@host:port/db
 * ?sslmode=...} as the Go CLI's lib/pq reads it ({@link LibpqQuery}).
 */
final class PostgresUrl {

    static final int DEFAULT_PORT = 5432;

    private PostgresUrl() {
    }

    static DatabaseUrl jdbcUrl(UrlInput url) {
        String text = url.text();
        if (url.startsWith("jdbc:postgresql:")) {
            int query = text.indexOf('?');
            return query < 0 ? url.converted(text, null, null, text, null)
                    : url.converted(text.substring(0, query), null, null, text, text.substring(query + 1));
        }
        if (url.startsWith("postgres://", "postgresql://")) {
            UrlInput.Parts parts = url.parts(text);
            int port = parts.port() < 0 ? DEFAULT_PORT : parts.port();
            String path = parts.rawPath().isEmpty() ? "/" : parts.rawPath();
            String query = LibpqQuery.toJdbc(parts.rawQuery(), why -> url.invalid("postgres://user:pass@host:"
                    + DEFAULT_PORT + "/db with host, port and database in the URL itself (the URL parameter " + why
                    + ")"));
            return url.converted("jdbc:postgresql://" + parts.host() + ":" + port + path, parts.username(),
                    parts.password(), text, query);
        }
        throw url.invalid("jdbc:postgresql://host:" + DEFAULT_PORT + "/db or postgres://user:pass@host:"
                + DEFAULT_PORT + "/db?sslmode=disable");
    }
}
