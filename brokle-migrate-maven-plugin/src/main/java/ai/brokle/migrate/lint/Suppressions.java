package ai.brokle.migrate.lint;

import ai.brokle.migrate.source.Migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code -- brokle-migrate:ignore RULE-ID[, RULE-ID...]} lines from a migration's files. */
final class Suppressions {

    private static final Pattern IGNORE = Pattern.compile("(?m)^[ \\t]*--[ \\t]*brokle-migrate:ignore[ \\t]+([^\\n]*)$");

    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z]+[0-9]+");

    private Suppressions() {
    }

    /** Rule id → the file and line that ignores it. */
    static Map<String, Place> read(Migration migration) {
        Map<String, Place> ids = new LinkedHashMap<>();
        boolean sections = migration.upFile().equals(migration.downFile());
        // A file with sections loses its lines outside them; read it again (it decoded as UTF-8 already).
        collect(sections ? reread(migration.upFile()) : migration.upSql(), migration.upFile(), ids);
        if (!sections && migration.downFile() != null) {
            collect(migration.downSql(), migration.downFile(), ids);
        }
        return ids;
    }

    /** Where a suppression is written. */
    record Place(Path file, int line) {
    }

    private static void collect(String text, Path file, Map<String, Place> ids) {
        if (!text.contains("brokle-migrate:ignore")) {
            return;
        }
        Matcher m = IGNORE.matcher(text);
        while (m.find()) {
            int line = 1;
            for (int i = 0; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            for (String id : m.group(1).strip().split("[\\s,]+")) {
                if (!RULE_ID.matcher(id).matches()) {
                    break; // the rest is the reason
                }
                ids.putIfAbsent(id.toUpperCase(Locale.ROOT), new Place(file, line));
            }
        }
    }

    private static String reread(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            return "";
        }
    }
}
