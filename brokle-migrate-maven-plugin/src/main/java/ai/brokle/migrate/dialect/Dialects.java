package ai.brokle.migrate.dialect;

import ai.brokle.migrate.dialect.clickhouse.ClickHouseDialect;
import ai.brokle.migrate.dialect.postgres.PostgresDialect;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The dialect of each datasource name; each is also the datasource kind configuration resolves. */
public final class Dialects {

    static {
        LibraryLogging.quiet();
    }

    private static final Map<String, Dialect> BY_NAME = Map.of(
            "postgres", new PostgresDialect(),
            "clickhouse", new ClickHouseDialect());

    private static final List<Dialect> IN_UP_ORDER = BY_NAME.values().stream()
            .sorted(Comparator.comparingInt(dialect -> dialect.facts().upOrder())).toList();

    private Dialects() {
    }

    /** Every dialect, in "up" order. */
    public static List<Dialect> all() {
        return IN_UP_ORDER;
    }

    /** The main database's dialect (see {@link Dialect.Facts#primary()}). */
    public static Dialect primary() {
        return IN_UP_ORDER.stream().filter(dialect -> dialect.facts().primary()).findFirst().orElseThrow();
    }

    public static Dialect of(String datasource) {
        Dialect dialect = BY_NAME.get(datasource);
        if (dialect == null) {
            throw new IllegalArgumentException("no dialect for datasource " + datasource);
        }
        return dialect;
    }
}
