package ai.brokle.migrate.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A seed table's CSV file (RFC 4180: comma-separated, fields optionally in double quotes, {@code ""} for a quote, a
 * quoted field may span lines; the first record names the columns). The database reads the data itself (PostgreSQL
 * {@code COPY ... (FORMAT csv, HEADER)}, ClickHouse {@code FORMAT CSVWithNames}); this class only reads the header
 * and turns the record number a database error names into the file's line.
 *
 * @param shown   the file as the seed names it, for messages
 * @param columns the header's column names
 */
public record CsvFile(Path path, String shown, List<String> columns) {

    /** Reads the header of the file; {@code null} when the file has no first line. */
    static List<String> header(Path path) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int c = reader.read();
            if (c == '\uFEFF') {
                c = reader.read();
            }
            if (c < 0) {
                return null;
            }
            for (; c >= 0; c = reader.read()) {
                if (quoted) {
                    if (c == '"') {
                        reader.mark(1);
                        if (reader.read() != '"') {
                            quoted = false;
                            reader.reset();
                            continue;
                        }
                    }
                    field.append((char) c);
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString().strip());
                    field.setLength(0);
                } else if (c == '\n') {
                    break;
                } else if (c != '\r') {
                    field.append((char) c);
                }
            }
            fields.add(field.toString().strip());
            return fields;
        }
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    /**
     * The 1-based line on which CSV record {@code record} starts (record 1 is the header); quoted line breaks
     * inside earlier records are counted. The record's number itself when the file cannot be read again.
     */
    public int lineOf(long record) {
        try (InputStream in = new java.io.BufferedInputStream(open())) {
            int line = 1;
            long current = 1;
            boolean quoted = false;
            for (int c = in.read(); c >= 0 && current < record; c = in.read()) {
                if (c == '"') {
                    quoted = !quoted; // "" inside a quoted field toggles twice
                } else if (c == '\n') {
                    line++;
                    if (!quoted) {
                        current++;
                    }
                }
            }
            return line;
        } catch (IOException e) {
            return (int) record;
        }
    }

    /** {@code file:line} of a data record: 1 is the first row after the header. */
    public String location(long dataRecord) {
        return shown + ":" + lineOf(dataRecord + 1);
    }
}
