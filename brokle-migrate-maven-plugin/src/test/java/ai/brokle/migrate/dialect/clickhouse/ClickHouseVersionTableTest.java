package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.state.SchemaVersion;
import ai.brokle.migrate.state.VersionTable;
import ai.brokle.migrate.testing.TestClickHouse;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** golang-migrate's append-only ClickHouse table: the newest row must be the one with the highest sequence. */
class ClickHouseVersionTableTest {

    private final String url = TestClickHouse.newDatabase("version_table");

    private VersionTable table(Connection connection) {
        return new ClickHouseDialect().versionTable(connection, new DatasourceConfig(new ClickHouseDialect(),
                url, null, null, false, Path.of("."), "schema_migrations", null));
    }

    @Test
    void writesInATightLoopSortBySequenceInWriteOrder() throws Exception {
        try (Connection connection = TestClickHouse.connect(url)) {
            VersionTable versions = table(connection);
            versions.ensureExists();
            for (long version = 1; version <= 100; version++) {
                versions.write(Optional.of(new SchemaVersion(version, version % 2 == 0)));
            }
            // faster than a request each: the same writes planned in a tight loop, sent as one INSERT
            StringBuilder batch = new StringBuilder();
            for (long version = 101; version <= 5000; version++) {
                String insert = versions.writeSql(Optional.of(new SchemaVersion(version, false))).get(0);
                batch.append(batch.isEmpty() ? insert : ", " + insert.substring(insert.indexOf("VALUES ") + 7));
            }
            try (Statement s = connection.createStatement()) {
                s.execute(batch.toString());
            }
            List<Long> bySequence = new ArrayList<>();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version FROM schema_migrations ORDER BY sequence")) {
                while (rs.next()) {
                    bySequence.add(rs.getLong(1));
                }
            }
            int firstOutOfOrder = IntStream.range(0, bySequence.size()).filter(i -> bySequence.get(i) != i + 1)
                    .findFirst().orElse(-1);
            assertEquals(-1, firstOutOfOrder, "rows in sequence order differ from write order at position "
                    + firstOutOfOrder);
            assertEquals(5000, bySequence.size());
        }
    }

    @Test
    void aWriteSortsAboveARowFromAClockThatIsAhead() throws Exception {
        try (Connection connection = TestClickHouse.connect(url)) {
            VersionTable versions = table(connection);
            versions.ensureExists();
            Instant anHourAhead = Instant.now().plusSeconds(3600);
            long sequence = anHourAhead.getEpochSecond() * 1_000_000_000L + anHourAhead.getNano();
            try (Statement s = connection.createStatement()) {
                s.execute("INSERT INTO schema_migrations (version, dirty, sequence) VALUES (7, 1, " + sequence + ")");
            }
            versions.write(Optional.of(new SchemaVersion(7, false)));
            assertEquals(Optional.of(new SchemaVersion(7, false)), table(connection).read());
        }
    }
}
