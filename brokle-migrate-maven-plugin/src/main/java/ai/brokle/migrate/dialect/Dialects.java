package ai.brokle.migrate.dialect;

import ai.brokle.migrate.dialect.clickhouse.ClickHouseDialect;
import ai.brokle.migrate.dialect.postgres.PostgresDialect;

import java.util.Map;

/** The dialect of each datasource name. */
public final class Dialects {

    static {
        LibraryLogging.quiet();
    }

    private static final Map<String, Dialect> BY_NAME = Map.of(
            "postgres", new PostgresDialect(),
            "clickhouse", new ClickHouseDialect());

    private Dialects() {
    }

    public static Dialect of(String datasource) {
        Dialect dialect = BY_NAME.get(datasource);
        if (dialect == null) {
            throw new IllegalArgumentException("no dialect for datasource " + datasource);
        }
        return dialect;
    }
}
