package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.Failures;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.dialect.MigrationGuard;
import com.clickhouse.client.api.ClientConfigProperties;
import com.clickhouse.jdbc.ConnectionImpl;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code max_execution_time} for each migration's statements: the driver sends it with every query of the migration
 * (ClickHouse over HTTP has no session to SET it in), and stops sending it afterwards.
 */
final class ClickHouseGuard implements MigrationGuard {

    private static final String SETTING = "max_execution_time";

    private final Duration maxExecutionTime;

    ClickHouseGuard(DatasourceConfig config) {
        this.maxExecutionTime = config.statementTimeout();
    }

    /** Whole seconds, at least one: the unit ClickHouse reads. */
    private String seconds() {
        return String.valueOf(Math.max(1, (maxExecutionTime.toMillis() + 999) / 1000));
    }

    @Override
    public List<String> describe() {
        return maxExecutionTime == null
                ? List.of("none (brokle.migrate.clickhouse.maxExecutionTime sets max_execution_time for each migration)")
                : List.of(SETTING + " " + seconds() + "s (brokle.migrate.clickhouse.maxExecutionTime), sent with each "
                  + "statement of a migration");
    }

    @Override
    public List<String> applySql(boolean inTransaction) {
        return maxExecutionTime == null ? List.of()
                : List.of("-- every statement of the migration is sent with SETTINGS " + SETTING + " = " + seconds());
    }

    @Override
    public void apply(Connection connection, boolean inTransaction) throws SQLException {
        if (maxExecutionTime != null) {
            connection.unwrap(ConnectionImpl.class).getDefaultQuerySettings().serverSetting(SETTING, seconds());
        }
    }

    @Override
    public void release(Connection connection, boolean inTransaction) throws SQLException {
        if (maxExecutionTime != null) {
            connection.unwrap(ConnectionImpl.class).getDefaultQuerySettings()
                    .resetOption(ClientConfigProperties.serverSetting(SETTING));
        }
    }

    @Override
    public Optional<String> explain(Throwable failure) {
        for (Throwable t : Failures.causes(failure)) {
            String message = String.valueOf(t.getMessage());
            if (maxExecutionTime != null && (message.contains("TIMEOUT_EXCEEDED") || message.contains("Timeout exceeded"))) {
                return Optional.of("The statement ran longer than brokle.migrate.clickhouse.maxExecutionTime="
                        + seconds() + "s (max_execution_time) and was stopped. Raise the setting for this migration, "
                        + "or make the change in smaller steps.");
            }
        }
        return Optional.empty();
    }
}
