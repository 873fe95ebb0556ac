package ai.brokle.migrate.seed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the everyday YAML that seed files are written in straight from the file's UTF-8 bytes, several times faster
 * than SnakeYAML (whose scanner dominated the time of large seeds, most of all in a fresh JVM): block maps and lists,
 * one-line plain, 'single' and "double" quoted scalars, one-line flow {maps} and [lists], comments. It builds the
 * same {@link YamlNode}s, with the same lines, as {@link YamlEventReader} builds from SnakeYAML's events.
 * <p>
 * Anything else (anchors, aliases, tags, merge keys, multi-line or block scalars, tabs, CR line ends, documents,
 * duplicate keys, and every syntax error) makes it give up with {@link Unsupported}, and SnakeYAML reads the file.
 * So the result, and every error message, is exactly what SnakeYAML alone gives.
 */
final class FastYamlReader {

    /** The text leaves the subset this reader handles: SnakeYAML must read it. Control flow, so no stack trace. */
    static final class Unsupported extends RuntimeException {

        private static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super("outside the YAML subset of FastYamlReader", null, false, false);
        }
    }

    /** Below YamlEventReader's limit, so a value that is too deep is reported by the SnakeYAML path. */
    private static final int MAX_DEPTH = 60;
    /** SnakeYAML ends a simple key at 1024 characters. */
    private static final int MAX_KEY = 1000;

    /** The file as UTF-8: YAML's structure is ASCII, so only scalars ever need decoding. */
    private final byte[] text;
    private final int end;
    /** Current position; between calls, at the first content character of the current line. */
    private int pos;
    /** 1-based line of {@link #pos}. */
    private int line = 1;
    /** Indentation of the current line, or -1 at the end of the text. */
    private int indent;
    /** One String per distinct key, as YamlEventReader does. */
    private final Map<String, String> keyNames = new HashMap<>();
    /** Per depth, the keys of the map read last there: the next row's keys are mostly the same, in order. */
    private final String[][] recentKeys = new String[MAX_DEPTH + 2][];
    /** The same keys as they are written in the file. */
    private final byte[][][] recentKeyBytes = new byte[MAX_DEPTH + 2][][];

    private FastYamlReader(byte[] text) {
        this.text = text;
        this.end = text.length;
    }

    /**
     * The root of the one document in {@code text} (null when it holds only comments), which is a map.
     *
     * @param text valid UTF-8
     * @throws Unsupported when the text is not in the subset (or is invalid): read it with SnakeYAML
     */
    static YamlNode read(byte[] text) {
        FastYamlReader reader = new FastYamlReader(text);
        reader.requirePrintable();
        reader.pos = -1;
        reader.line = 0;
        reader.nextLine();
        if (reader.indent < 0) {
            return null;
        }
        if (reader.indent != 0) {
            throw Unsupported.INSTANCE;
        }
        YamlNode root = reader.blockMapping(0, 0);
        if (reader.indent >= 0) {
            throw Unsupported.INSTANCE; // content after the root map: an indentation error
        }
        return root;
    }

    /**
     * Only characters SnakeYAML accepts everywhere and treats as ordinary: no tabs, CR, other control characters,
     * NEL/LS/PS line breaks, BOM or non-characters. (Valid UTF-8 holds no unpaired surrogates.)
     */
    private void requirePrintable() {
        for (int i = 0; i < end; i++) {
            int c = text[i];
            if (c >= 0x20 && c < 0x7F || c == '\n') {
                continue;
            }
            if (c >= 0) {
                throw Unsupported.INSTANCE; // a control character or DEL
            }
            int second = i + 1 < end ? text[i + 1] & 0xFF : 0;
            int third = i + 2 < end ? text[i + 2] & 0xFF : 0;
            switch (c & 0xFF) {
                case 0xC2 -> { // U+0080..U+00BF: C1 controls and NEL are out
                    if (second < 0xA0) {
                        throw Unsupported.INSTANCE;
                    }
                }
                case 0xE2 -> { // U+2028, U+2029: line and paragraph separators
                    if (second == 0x80 && (third == 0xA8 || third == 0xA9)) {
                        throw Unsupported.INSTANCE;
                    }
                }
                case 0xEF -> { // U+FEFF (byte order mark), U+FFFE, U+FFFF
                    if (second == 0xBB && third == 0xBF || second == 0xBF && third >= 0xBE) {
                        throw Unsupported.INSTANCE;
                    }
                }
                default -> {
                    // other lead and continuation bytes: printable characters
                }
            }
        }
    }

    /**
     * Moves from the end of the current line (at its '\n' or the end of the text) to the first content character
     * of the next line that is not blank or a comment, and sets {@link #indent} (-1 at the end).
     */
    private void nextLine() {
        while (true) {
            if (pos >= end) {
                indent = -1;
                return;
            }
            pos++; // past '\n' (or from -1 onto the first line)
            line++;
            int start = pos;
            while (pos < end && text[pos] == ' ') {
                pos++;
            }
            if (pos >= end) {
                indent = -1;
                return;
            }
            int c = text[pos];
            if (c == '#') {
                skipToLineEnd();
            } else if (c != '\n') {
                indent = pos - start;
                if (indent == 0 && (repeats('-', pos, 3) || repeats('.', pos, 3))) {
                    throw Unsupported.INSTANCE; // document markers
                }
                return;
            }
        }
    }

    private void skipToLineEnd() {
        while (pos < end && text[pos] != '\n') {
            pos++;
        }
    }

    /** True when {@code count} characters {@code c} start at {@code at}. */
    private boolean repeats(char c, int at, int count) {
        for (int i = at; i < at + count; i++) {
            if (i >= end || text[i] != c) {
                return false;
            }
        }
        return true;
    }

    /** The text[from, to) as a String. */
    private String decode(int from, int to) {
        return new String(text, from, to - from, StandardCharsets.UTF_8);
    }

    /** After a value: only spaces and a comment may follow on its line. Then moves to the next line. */
    private void finishLine() {
        int start = pos;
        while (pos < end && text[pos] == ' ') {
            pos++;
        }
        if (pos < end && text[pos] != '\n') {
            if (text[pos] != '#' || pos == start) {
                throw Unsupported.INSTANCE;
            }
            skipToLineEnd();
        }
        nextLine();
    }

    private boolean atSequenceEntry() {
        return text[pos] == '-' && (pos + 1 == end || text[pos + 1] == ' '
                || text[pos + 1] == '\n');
    }

    /** A block map whose keys sit at column {@code column}; its first key starts at {@link #pos}. */
    private YamlNode.Mapping blockMapping(int column, int depth) {
        if (depth > MAX_DEPTH) {
            throw Unsupported.INSTANCE;
        }
        int mapLine = line;
        List<YamlNode.Entry> entries = new ArrayList<>();
        while (true) {
            int keyLine = line;
            String key = blockKey(depth, entries.size());
            YamlNode value = blockValue(column, keyLine, depth + 1);
            addEntry(entries, new YamlNode.Entry(key, keyLine, value));
            if (indent < column) {
                return new YamlNode.Mapping(List.copyOf(entries), mapLine);
            }
            if (indent > column || atSequenceEntry()) {
                throw Unsupported.INSTANCE;
            }
        }
    }

    /**
     * A key at {@link #pos}, plain or quoted, ended by ': ' or ':' at the end of the line; leaves pos after the
     * ':'.
     */
    private String blockKey(int depth, int index) {
        int start = pos;
        int first = text[pos];
        String key;
        if (first == '"' || first == '\'') {
            key = intern(quoted().text());
            if (!colonEndsKey(pos)) {
                throw Unsupported.INSTANCE;
            }
        } else {
            if (!plainStart(first) || first == '-' && (pos + 1 == end || text[pos + 1] == ' ')) {
                throw Unsupported.INSTANCE;
            }
            int colon = keyEnd(pos);
            if (colon < 0 || text[colon - 1] == ' ') {
                throw Unsupported.INSTANCE;
            }
            key = key(pos, colon, depth, index);
            pos = colon;
        }
        if (pos - start > MAX_KEY) {
            throw Unsupported.INSTANCE;
        }
        pos++;
        return key;
    }

    /** True when a list item at {@link #pos} is a map: it starts with a key. Leaves pos where it was. */
    private boolean startsWithKey() {
        int first = text[pos];
        if (first == '"' || first == '\'') {
            int start = pos;
            quoted();
            boolean key = colonEndsKey(pos);
            pos = start;
            return key;
        }
        return first != '{' && first != '[' && keyEnd(pos) >= 0;
    }

    /** True when the character at {@code at} is a ':' followed by a space or the end of the line. */
    private boolean colonEndsKey(int at) {
        return at < end && text[at] == ':' && (at + 1 == end || text[at + 1] == ' '
                || text[at + 1] == '\n');
    }

    /** The ':' that ends a block key starting at {@code from} on this line, or -1 when the line has none. */
    private int keyEnd(int from) {
        for (int i = from; i < end; i++) {
            int c = text[i];
            if (c == '\n' || c == '#' && i > from && text[i - 1] == ' ') {
                return -1;
            }
            if (colonEndsKey(i)) {
                return i;
            }
        }
        return -1;
    }

    /** The key text[from, to) as the {@code index}th key of a map at {@code depth}; reuses the last such key. */
    private String key(int from, int to, int depth, int index) {
        String[] recent = recentKeys[depth];
        byte[][] recentBytes = recentKeyBytes[depth];
        if (recent == null || index >= recent.length) {
            int length = Math.max(16, index * 2);
            recent = recentKeys[depth] = Arrays.copyOf(recent == null ? new String[0] : recent, length);
            recentBytes = recentKeyBytes[depth] = Arrays.copyOf(recentBytes == null ? new byte[0][] : recentBytes,
                    length);
        }
        byte[] candidate = recentBytes[index];
        if (candidate != null && Arrays.equals(text, from, to, candidate, 0, candidate.length)) {
            return recent[index];
        }
        recentBytes[index] = Arrays.copyOfRange(text, from, to);
        return recent[index] = intern(decode(from, to));
    }

    private String intern(String key) {
        if (key.equals("<<")) {
            throw Unsupported.INSTANCE; // merge keys
        }
        String known = keyNames.putIfAbsent(key, key);
        return known != null ? known : key;
    }

    /** Duplicate keys go to SnakeYAML, whose path reports them with both lines. */
    private static void addEntry(List<YamlNode.Entry> entries, YamlNode.Entry entry) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(entry.key())) {
                throw Unsupported.INSTANCE;
            }
        }
        entries.add(entry);
    }

    /**
     * The value after a block key's ':' (at {@link #pos}): on the same line, or a block node on the lines below,
     * or null. Leaves the reader on the next line.
     */
    private YamlNode blockValue(int column, int keyLine, int depth) {
        while (pos < end && text[pos] == ' ') {
            pos++;
        }
        if (pos == end || text[pos] == '\n' || text[pos] == '#') {
            skipToLineEnd();
            nextLine();
            if (indent > column) {
                return atSequenceEntry() ? blockSequence(indent, depth) : blockMapping(indent, depth);
            }
            if (indent == column && atSequenceEntry()) {
                return blockSequence(column, depth); // "key:" then "- item" lines at the key's own column
            }
            return new YamlNode.Scalar("", null, true, keyLine); // SnakeYAML's empty scalar, at the ':'
        }
        YamlNode value = inlineValue(depth);
        finishLine();
        return value;
    }

    /** A block list whose '-' entries sit at column {@code column}, starting at the current line. */
    private YamlNode.Sequence blockSequence(int column, int depth) {
        if (depth > MAX_DEPTH) {
            throw Unsupported.INSTANCE;
        }
        int sequenceLine = line;
        List<YamlNode> items = new ArrayList<>();
        while (indent == column && atSequenceEntry()) {
            int dash = pos;
            pos++;
            while (pos < end && text[pos] == ' ') {
                pos++;
            }
            if (pos == end || text[pos] == '\n' || text[pos] == '#') {
                throw Unsupported.INSTANCE; // the item on the next lines, or an empty item
            }
            if (startsWithKey()) {
                items.add(blockMapping(column + pos - dash, depth + 1)); // "- key: value": keys align after '-'
                if (indent > column) {
                    throw Unsupported.INSTANCE;
                }
            } else {
                items.add(inlineValue(depth + 1));
                finishLine();
                if (indent > column) {
                    throw Unsupported.INSTANCE; // a continuation line
                }
            }
        }
        return new YamlNode.Sequence(items, sequenceLine);
    }

    /** A scalar or flow collection on one line, in block context; leaves pos after it. */
    private YamlNode inlineValue(int depth) {
        int c = text[pos];
        return switch (c) {
            case '"', '\'' -> quoted();
            case '{' -> flowMapping(depth);
            case '[' -> flowSequence(depth);
            default -> blockPlain();
        };
    }

    private static boolean plainStart(int c) {
        return switch (c) {
            case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> false;
            default -> true;
        };
    }

    /** A plain scalar in block context: up to a comment or the end of the line, trailing spaces dropped. */
    private YamlNode.Scalar blockPlain() {
        int first = text[pos];
        if (!plainStart(first) || first == '-' && (pos + 1 == end || text[pos + 1] == ' '
                || text[pos + 1] == '\n')) {
            throw Unsupported.INSTANCE;
        }
        int start = pos;
        int last = pos;
        for (int i = pos; i < end; i++) {
            int c = text[i];
            if (c == '\n' || c == '#' && text[i - 1] == ' ') {
                break;
            }
            if (c == ':' && (i + 1 == end || text[i + 1] == ' ' || text[i + 1] == '\n')) {
                throw Unsupported.INSTANCE; // "a: b: c" is an error
            }
            if (c != ' ') {
                last = i + 1;
            }
        }
        pos = last;
        return new YamlNode.Scalar(text, start, last, true, line);
    }

    private YamlNode.Scalar quoted() {
        return text[pos] == '"' ? doubleQuoted() : singleQuoted();
    }

    private YamlNode.Scalar doubleQuoted() {
        int scalarLine = line;
        pos++;
        int chunk = pos;
        StringBuilder out = null;
        while (true) {
            if (pos == end) {
                throw Unsupported.INSTANCE;
            }
            int c = text[pos];
            if (c == '"') {
                YamlNode.Scalar scalar = out == null ? new YamlNode.Scalar(text, chunk, pos, false, scalarLine)
                        : new YamlNode.Scalar(out.append(decode(chunk, pos)).toString(), null, false, scalarLine);
                pos++;
                return scalar;
            }
            if (c == '\n') {
                throw Unsupported.INSTANCE; // multi-line
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(decode(chunk, pos));
                pos = escape(out, pos + 1);
                chunk = pos;
            } else {
                pos++;
            }
        }
    }

    /** Appends the escape whose letter is at {@code at}; returns the position after it. As SnakeYAML reads it. */
    private int escape(StringBuilder out, int at) {
        if (at == end) {
            throw Unsupported.INSTANCE;
        }
        int c = text[at];
        switch (c) {
            case '0' -> out.append('\0');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 't' -> out.append('\t');
            case 'n' -> out.append('\n');
            case 'v' -> out.append('\u000B');
            case 'f' -> out.append('\f');
            case 'r' -> out.append('\r');
            case 'e' -> out.append('\u001B');
            case ' ', '"', '\\' -> out.append((char) c);
            case 'N' -> out.append('\u0085');
            case '_' -> out.append('\u00A0');
            case 'L' -> out.append('\u2028');
            case 'P' -> out.append('\u2029');
            case 'x', 'u' -> {
                int digits = c == 'x' ? 2 : 4;
                if (at + 1 + digits > end) {
                    throw Unsupported.INSTANCE;
                }
                int code = 0;
                for (int i = at + 1; i <= at + digits; i++) {
                    int digit = Character.digit(text[i], 16);
                    if (digit < 0) {
                        throw Unsupported.INSTANCE;
                    }
                    code = code * 16 + digit;
                }
                if (Character.isSurrogate((char) code)) {
                    throw Unsupported.INSTANCE;
                }
                out.append((char) code);
                return at + 1 + digits;
            }
            default -> throw Unsupported.INSTANCE; // \U, a line break, or not an escape
        }
        return at + 1;
    }

    private YamlNode.Scalar singleQuoted() {
        int scalarLine = line;
        pos++;
        int chunk = pos;
        StringBuilder out = null;
        while (true) {
            if (pos == end || text[pos] == '\n') {
                throw Unsupported.INSTANCE;
            }
            if (text[pos] == '\'') {
                if (pos + 1 < end && text[pos + 1] == '\'') {
                    if (out == null) {
                        out = new StringBuilder();
                    }
                    out.append(decode(chunk, pos + 1));
                    pos += 2;
                    chunk = pos;
                    continue;
                }
                YamlNode.Scalar scalar = out == null ? new YamlNode.Scalar(text, chunk, pos, false, scalarLine)
                        : new YamlNode.Scalar(out.append(decode(chunk, pos)).toString(), null, false, scalarLine);
                pos++;
                return scalar;
            }
            pos++;
        }
    }

    /** {@code {key: value, ...}} on one line. */
    private YamlNode.Mapping flowMapping(int depth) {
        if (depth > MAX_DEPTH) {
            throw Unsupported.INSTANCE;
        }
        int mapLine = line;
        pos++;
        List<YamlNode.Entry> entries = new ArrayList<>();
        skipSpaces();
        if (peek() == '}') {
            pos++;
            return new YamlNode.Mapping(List.of(), mapLine);
        }
        while (true) {
            String key = flowKey(depth, entries.size());
            skipSpaces();
            addEntry(entries, new YamlNode.Entry(key, line, flowValue(depth + 1)));
            skipSpaces();
            int next = peek();
            pos++;
            if (next == '}') {
                return new YamlNode.Mapping(List.copyOf(entries), mapLine);
            }
            if (next != ',') {
                throw Unsupported.INSTANCE;
            }
            skipSpaces();
        }
    }

    /** A key in a flow map: plain and followed by ': ', or quoted and followed by ':'. Leaves pos after ':'. */
    private String flowKey(int depth, int index) {
        int start = pos;
        int first = peek();
        String key;
        if (first == '"' || first == '\'') {
            key = intern(quoted().text());
            if (peek() != ':') {
                throw Unsupported.INSTANCE;
            }
        } else {
            if (!plainStart(first) || first == '-' && pos + 1 < end && text[pos + 1] == ' ') {
                throw Unsupported.INSTANCE;
            }
            while (pos < end && flowPlainChar(text[pos])) {
                pos++;
            }
            if (peek() != ':' || pos + 1 == end || text[pos + 1] != ' ' || text[pos - 1] == ' '
                    || pos == start) {
                throw Unsupported.INSTANCE;
            }
            key = key(start, pos, depth, index);
        }
        if (pos - start > MAX_KEY) {
            throw Unsupported.INSTANCE;
        }
        pos++;
        return key;
    }

    /** {@code [item, ...]} on one line. */
    private YamlNode.Sequence flowSequence(int depth) {
        if (depth > MAX_DEPTH) {
            throw Unsupported.INSTANCE;
        }
        int sequenceLine = line;
        pos++;
        List<YamlNode> items = new ArrayList<>();
        skipSpaces();
        if (peek() == ']') {
            pos++;
            return new YamlNode.Sequence(items, sequenceLine);
        }
        while (true) {
            items.add(flowValue(depth + 1));
            skipSpaces();
            int next = peek();
            pos++;
            if (next == ']') {
                return new YamlNode.Sequence(items, sequenceLine);
            }
            if (next != ',') {
                throw Unsupported.INSTANCE;
            }
            skipSpaces();
        }
    }

    /** A value inside a flow collection. */
    private YamlNode flowValue(int depth) {
        int c = peek();
        switch (c) {
            case '"':
            case '\'':
                return quoted();
            case '{':
                return flowMapping(depth);
            case '[':
                return flowSequence(depth);
            default:
                break;
        }
        if (!plainStart(c) || c == '-' && pos + 1 < end && text[pos + 1] == ' ') {
            throw Unsupported.INSTANCE;
        }
        int start = pos;
        int last = pos;
        while (pos < end && flowPlainChar(text[pos])) {
            if (text[pos] != ' ') {
                last = pos + 1;
            }
            pos++;
        }
        int stop = peek();
        if (last == start || stop != ',' && stop != '}' && stop != ']') {
            throw Unsupported.INSTANCE; // empty, or ':' '#' '[' '{' or the end of the line inside a flow value
        }
        pos = last;
        return new YamlNode.Scalar(text, start, last, true, line);
    }

    /** Characters a plain scalar in a flow collection may hold, in this subset. */
    private static boolean flowPlainChar(int c) {
        return switch (c) {
            case ',', '[', ']', '{', '}', ':', '#', '?', '\n' -> false; // SnakeYAML also ends at '?' in flow
            default -> true;
        };
    }

    private int peek() {
        return pos < end ? text[pos] : '\n';
    }

    private void skipSpaces() {
        while (pos < end && text[pos] == ' ') {
            pos++;
        }
    }
}
