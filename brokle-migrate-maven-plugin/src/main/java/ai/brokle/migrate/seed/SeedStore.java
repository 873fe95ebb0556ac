package ai.brokle.migrate.seed;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One database as the seeder sees it: table metadata, lookups, and how rows are written. Each dialect implements
 * it (PostgreSQL: upsert in one transaction; ClickHouse: plain batched INSERT); everything else about seeding is
 * the same for all databases. Values never become SQL text (COPY data or bind parameters).
 */
public interface SeedStore {

    /** Schemas of the named tables, keyed by the name as given; tables that do not exist are left out. */
    Map<String, TableSchema> describe(Collection<String> tables) throws SQLException;

    /** The {@code select} columns of the rows whose {@code where} columns equal {@code values}. */
    List<List<Object>> find(TableSchema table, List<String> select, List<String> where, List<Object> values)
            throws SQLException;

    /**
     * True when {@link #write} updates rows that already exist (matched on the primary key), so seeding twice is a
     * no-op; false when it only appends rows.
     */
    boolean upserts();

    /** Starts the datasource's transaction (a no-op where there are none). */
    void begin() throws SQLException;

    void commit() throws SQLException;

    /** Undoes everything since {@link #begin()} where the database can; never throws. */
    void rollback();

    /** Deletes every row of the table; returns how many (or -1 when the database does not say). */
    long deleteAll(TableSchema table) throws SQLException;

    /** Writes one group of rows. A row the database refuses becomes a {@link SeedWriteException} naming it. */
    WriteCounts write(TableSchema table, RowGroup group) throws SQLException;

    /**
     * Loads a CSV file whose header names columns of the table, with the database's own CSV reader (upserted on the
     * primary key where {@link #upserts()}). A record the database refuses becomes a {@link SeedWriteException}
     * naming the file's line.
     */
    WriteCounts load(TableSchema table, CsvFile csv) throws SQLException;

    /** The SQL {@link #write} sends for one row of {@code group}, with {@code ?} placeholders. */
    String writeStatement(TableSchema table, RowGroup group);

    /** The SQL {@link #deleteAll} sends. */
    String deleteStatement(TableSchema table);

    /** What a write did to its rows. */
    record WriteCounts(long inserted, long updated, long unchanged) {

        public static final WriteCounts NONE = new WriteCounts(0, 0, 0);

        public WriteCounts plus(WriteCounts other) {
            return new WriteCounts(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
        }
    }
}
