package ai.brokle.migrate.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a file written in the {@code -- +migrate Up} / {@code -- +migrate Down} style into its two sections and
 * reads the {@code -- +migrate notransaction} marker.
 */
record MigrateSections(String up, String down, boolean transactional) {

    private static final Pattern MARKER = Pattern.compile("(?im)^[ \\t]*--[ \\t]*\\+migrate[ \\t]+(up|down)\\b.*$");
    private static final Pattern NO_TRANSACTION = Pattern.compile("(?im)^[ \\t]*--[ \\t]*\\+migrate[ \\t]+notransaction[ \\t]*$");

    private static final Pattern LINE = Pattern.compile("^line (\\d+):");

    /** The line a {@link #parse} message names, or 0. */
    static int lineOf(String message) {
        Matcher m = LINE.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static boolean hasSections(String text) {
        return MARKER.matcher(text).find();
    }

    static boolean optsOutOfTransaction(String text) {
        return NO_TRANSACTION.matcher(text).find();
    }

    /**
     * Lines outside the sections are dropped; line numbers are kept by blanking rather than removing, so statement
     * line numbers still point into the file.
     *
     * @throws IllegalArgumentException naming the problem when the markers are inconsistent
     */
    static MigrateSections parse(String text) {
        StringBuilder up = new StringBuilder();
        StringBuilder down = new StringBuilder();
        StringBuilder current = null;
        boolean sawUp = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            if (m.matches()) {
                boolean isUp = "up".equalsIgnoreCase(m.group(1));
                if (isUp && sawUp) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": a second '-- +migrate Up' section");
                }
                if (!isUp && current == down) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": a second '-- +migrate Down' section");
                }
                sawUp |= isUp;
                current = isUp ? up : down;
                blankLine(up, down);
                continue;
            }
            if (current == null && !lines[i].isBlank() && !lines[i].strip().startsWith("--")) {
                throw new IllegalArgumentException("line " + (i + 1)
                        + ": SQL before the first '-- +migrate Up' marker");
            }
            if (current == up) {
                up.append(lines[i]).append('\n');
                down.append('\n');
            } else if (current == down) {
                down.append(lines[i]).append('\n');
                up.append('\n');
            } else {
                blankLine(up, down);
            }
        }
        if (!sawUp) {
            throw new IllegalArgumentException("has a '-- +migrate Down' section but no '-- +migrate Up' section");
        }
        return new MigrateSections(up.toString(), down.toString(), !optsOutOfTransaction(text));
    }

    private static void blankLine(StringBuilder up, StringBuilder down) {
        up.append('\n');
        down.append('\n');
    }
}
