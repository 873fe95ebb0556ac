package ai.brokle.migrate.config;

import java.time.Duration;
import java.util.List;

/**
 * What golang-migrate's own URL parameters ({@code x-*}) ask for, so the plugin does what the Go CLI does with the
 * same URL.
 *
 * @param table            the version table ({@code x-migrations-table}), or null
 * @param cluster          the ClickHouse cluster of the version table ({@code x-cluster-name}), or null
 * @param tableEngine      the ClickHouse engine of the version table ({@code x-migrations-table-engine}), or null
 * @param statementTimeout the PostgreSQL limit per statement ({@code x-statement-timeout}), or null for none
 */
public record GoMigrateParameters(String table, String cluster, String tableEngine, Duration statementTimeout) {

    public static final String TABLE = "x-migrations-table";
    public static final String TABLE_QUOTED = "x-migrations-table-quoted";
    public static final String STATEMENT_TIMEOUT = "x-statement-timeout";
    public static final String CLUSTER = "x-cluster-name";
    public static final String TABLE_ENGINE = "x-migrations-table-engine";
    /** Accepted and ignored: the plugin always splits statements itself. */
    public static final List<String> SPLITTING = List.of("x-multi-statement", "x-multi-statement-max-size");

    public static final GoMigrateParameters NONE = new GoMigrateParameters(null, null, null, null);
}
