package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.lint.Ddl;
import ai.brokle.migrate.lint.LintStatement;
import ai.brokle.migrate.lint.MigrationUnit;
import ai.brokle.migrate.lint.Rule;
import ai.brokle.migrate.lint.Severity;
import ai.brokle.migrate.sql.SqlLexer;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ClickHouse's rules for {@code validate}. A ClickHouse file runs statement by statement without a transaction: when
 * one fails, the ones before it stay applied and the file must be able to run again from the top.
 */
final class ClickHouseRules {

    private static final Pattern CREATE_WITHOUT_IF = Pattern.compile("CREATE\\s+(TABLE|DATABASE|DICTIONARY|VIEW"
            + "|MATERIALIZED\\s+VIEW|LIVE\\s+VIEW)\\s+(?!IF\\s+NOT\\s+EXISTS\\b)");
    private static final Pattern DROP_WITHOUT_IF = Pattern.compile("DROP\\s+(TABLE|DATABASE|DICTIONARY|VIEW)\\s+"
            + "(?!IF\\s+EXISTS\\b)");
    private static final Pattern ADD_WITHOUT_IF = Pattern.compile("ADD\\s+(COLUMN|INDEX|PROJECTION|CONSTRAINT)\\s+"
            + "(?!IF\\s+NOT\\s+EXISTS\\b)");
    private static final Pattern DROP_ACTION_WITHOUT_IF = Pattern.compile("(DROP|RENAME|CLEAR)\\s+(COLUMN|INDEX"
            + "|PROJECTION|CONSTRAINT)\\s+(?!IF\\s+EXISTS\\b)");
    private static final Pattern MODIFY_COLUMN = Pattern.compile("MODIFY\\s+COLUMN\\s+(?:IF\\s+EXISTS\\s+)?([\\w$]+)\\s+(.*)",
            Pattern.DOTALL);
    private static final Pattern ADD_COLUMN = Pattern.compile("ADD\\s+COLUMN\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w$]+)\\s+(.*)",
            Pattern.DOTALL);
    private static final Pattern DDL = Pattern.compile("(?:CREATE|ALTER|DROP|RENAME|TRUNCATE|EXCHANGE|OPTIMIZE)\\b");
    private static final Pattern ON_CLUSTER = Pattern.compile("\\bON\\s+CLUSTER\\b");
    private static final Pattern ORDER_BY = Pattern.compile("\\b(ORDER\\s+BY|PRIMARY\\s+KEY)\\b(.*?)(?=\\b(?:ORDER\\s+BY"
            + "|PRIMARY\\s+KEY|PARTITION\\s+BY|SAMPLE\\s+BY|TTL|SETTINGS|COMMENT)\\b|$)", Pattern.DOTALL);
    private static final Pattern IDENTIFIER = Pattern.compile("\\b([A-Z_][A-Z0-9_]*)\\b(?!\\s*\\()");
    private static final Pattern NULLABLE = Pattern.compile("NULLABLE\\s*\\(");
    /** A type whose values can be NULL: Nullable(T), LowCardinality(Nullable(T)). */
    private static final Pattern HOLDS_NULL = Pattern.compile("(?:LOWCARDINALITY\\s*\\(\\s*)?NULLABLE\\s*\\(");
    /** Calls whose value is never NULL: a Nullable column inside one does not make a sorting key Nullable. */
    private static final Pattern NEVER_NULL_CALL = Pattern.compile("\\b(?:IFNULL|COALESCE|ASSUMENOTNULL|ISNULL|ISNOTNULL)"
            + "\\s*\\(");
    private static final Pattern DATETIME = Pattern.compile("(?:NULLABLE\\s*\\(\\s*)?DATETIME\\b(?!64)");
    private static final Pattern TIME_TYPE = Pattern.compile("(?:NULLABLE\\s*\\(\\s*)?(?:DATETIME|DATE)");
    private static final Pattern MERGE_TREE = Pattern.compile("\\bENGINE\\s*=?\\s*\\w*MERGETREE\\b");
    private static final Pattern TTL = Pattern.compile("\\bTTL\\b");
    private static final Pattern STRING = Pattern.compile("(?:NULLABLE\\s*\\(\\s*)?(?:LOWCARDINALITY\\s*\\(\\s*)?STRING\\b");
    private static final Pattern ZSTD = Pattern.compile("\\bCODEC\\s*\\([^)]*\\bZSTD\\b");
    private static final Set<String> LARGE_TEXT = Set.of("input", "output", "prompt", "completion", "content", "body",
            "payload", "messages", "request", "response", "raw", "error_message", "stack_trace", "stacktrace");

    private ClickHouseRules() {
    }

    private static final String IF_FIX = "write CREATE ... IF NOT EXISTS, ADD COLUMN/INDEX IF NOT EXISTS, "
            + "DROP ... IF EXISTS";

    static final Rule NOT_REPEATABLE = Rule.of("CH001", Severity.ERROR,
            "a statement without IF NOT EXISTS / IF EXISTS in a multi-statement file: after a partial failure the "
                    + "file cannot run again (ClickHouse has no transaction to undo the statements before it)",
            IF_FIX, (unit, context, report) -> {
                repeatable(unit.up(), unit, true, report::at);
                repeatable(unit.down(), unit, true, report::at);
            });

    static final Rule MISSING_IF_EXISTS = Rule.of("CH008", Severity.WARNING,
            "a single-statement file without IF NOT EXISTS / IF EXISTS (the card: use IF NOT EXISTS / IF EXISTS)",
            IF_FIX, (unit, context, report) -> {
                repeatable(unit.up(), unit, false, report::at);
                repeatable(unit.down(), unit, false, report::at);
            });

    /** Reports non-repeatable statements of a file with more than one statement (multi) or of exactly one. */
    private static void repeatable(List<LintStatement> statements, MigrationUnit unit, boolean multi,
                                   At report) {
        if (statements.size() > 1 != multi || statements.isEmpty()) {
            return;
        }
        for (LintStatement s : statements) {
            if (s.startsWith(CREATE_WITHOUT_IF)) {
                report.at(unit, s, s.shown() + " has no IF NOT EXISTS" + again(multi));
            } else if (s.startsWith(DROP_WITHOUT_IF)) {
                report.at(unit, s, s.shown() + " has no IF EXISTS" + again(multi));
            }
            Ddl.alterTable(s).ifPresent(alter -> alter.actions().forEach(a -> {
                Matcher add = ADD_WITHOUT_IF.matcher(a.text());
                Matcher drop = DROP_ACTION_WITHOUT_IF.matcher(a.text());
                if (add.lookingAt()) {
                    report.at(unit, s, a.offset(), "ADD " + add.group(1) + " on " + alter.table()
                            + " has no IF NOT EXISTS" + again(multi));
                } else if (drop.lookingAt()) {
                    report.at(unit, s, a.offset(), drop.group(1) + " " + drop.group(2) + " on " + alter.table()
                            + " has no IF EXISTS" + again(multi));
                }
            }));
        }
    }

    private static String again(boolean multi) {
        return multi ? ": running the file again after a later statement failed fails here." : ".";
    }

    @FunctionalInterface
    private interface At {
        void at(MigrationUnit unit, LintStatement statement, int offset, String message);

        default void at(MigrationUnit unit, LintStatement statement, String message) {
            at(unit, statement, 0, message);
        }
    }

    static final Rule NULLABLE_TO_NOT_NULL = Rule.of("CH002", Severity.ERROR,
            "MODIFY COLUMN from Nullable(T) to a non-Nullable type without DEFAULT: fails on the rows holding NULL",
            "add a DEFAULT to the MODIFY COLUMN (e.g. MODIFY COLUMN c String DEFAULT ''), or keep it Nullable",
            (unit, context, report) -> {
                for (LintStatement s : unit.up()) {
                    Ddl.alterTable(s).ifPresent(alter -> alter.actions().forEach(a -> {
                        Matcher m = MODIFY_COLUMN.matcher(a.text());
                        if (!m.lookingAt() || HOLDS_NULL.matcher(m.group(2)).lookingAt()
                                || m.group(2).contains("DEFAULT")) {
                            return;
                        }
                        String column = m.group(1).toLowerCase(Locale.ROOT);
                        context.columnDefinition(alter.table(), column)
                                .filter(before -> HOLDS_NULL.matcher(before).lookingAt())
                                .ifPresent(before -> report.at(unit, s, a.offset(), "column " + column + " of "
                                        + alter.table() + " was Nullable and becomes " + m.group(2).strip()
                                        .split("\\s+")[0] + " without a DEFAULT."));
                    }));
                }
            });

    static final Rule NULLABLE_SORTING_KEY = Rule.of("CH003", Severity.ERROR,
            "a Nullable column in ORDER BY / PRIMARY KEY (ClickHouse refuses it unless allow_nullable_key is set)",
            "make the column non-Nullable with a DEFAULT, or take it out of the sorting key",
            (unit, context, report) -> {
                for (LintStatement s : unit.up()) {
                    Ddl.createTable(s).filter(t -> !t.tail().contains("ALLOW_NULLABLE_KEY")).ifPresent(table -> {
                        Matcher key = ORDER_BY.matcher(table.tail());
                        while (key.find()) {
                            Matcher id = IDENTIFIER.matcher(withoutNeverNullCalls(key.group(2)));
                            while (id.find()) {
                                String name = id.group(1).toLowerCase(Locale.ROOT);
                                int at = table.tailOffset() + key.start(2) + id.start();
                                // Nullable anywhere in the type: LowCardinality(Nullable(T)), Array(Nullable(T)) too
                                table.column(name).filter(c -> NULLABLE.matcher(c.type()).find()).ifPresent(c ->
                                        report.at(unit, s, at, "column " + name + " of " + table.table() + " is "
                                                + "Nullable and in the " + key.group(1).replaceAll("\\s+", " ") + "."));
                            }
                        }
                    });
                }
            });

    static final Rule CLUSTER_MIX = Rule.of("CH004", Severity.ERROR,
            "ON CLUSTER on some DDL statements of a file and not on others: part of the change reaches one node only",
            "write ON CLUSTER on every DDL statement of the file, or on none",
            (unit, context, report) -> {
                clusterMix(unit, unit.up(), report::at);
                clusterMix(unit, unit.down(), report::at);
            });

    private static void clusterMix(MigrationUnit unit, List<LintStatement> statements, At report) {
        List<LintStatement> ddl = statements.stream().filter(s -> s.startsWith(DDL)).toList();
        long clustered = ddl.stream().filter(s -> s.contains(ON_CLUSTER)).count();
        if (clustered > 0 && clustered < ddl.size()) {
            ddl.stream().filter(s -> !s.contains(ON_CLUSTER)).forEach(s -> report.at(unit, s, s.shown()
                    + " has no ON CLUSTER, while " + clustered + " other statement(s) of the file have one."));
        }
    }

    static final Rule DATETIME64 = Rule.of("CH005", Severity.WARNING,
            "a DateTime column (the card: DateTime64(3) for time, millisecond precision)",
            "declare it DateTime64(3) (Nullable(DateTime64(3)) when optional)",
            (unit, context, report) -> columns(unit, (s, c) -> {
                if (DATETIME.matcher(c.type()).lookingAt()) {
                    report.at(unit, s, c.offset(), "column " + c.name() + " is " + c.type() + ", not DateTime64(3).");
                }
            }));

    static final Rule EVENT_TTL = Rule.of("CH006", Severity.WARNING,
            "a MergeTree table with a time column but no TTL (the card: a TTL on event tables)",
            "add a retention clause, e.g. TTL toDateTime(created_at) + INTERVAL 365 DAY",
            (unit, context, report) -> {
                for (LintStatement s : unit.up()) {
                    Ddl.createTable(s).filter(t -> MERGE_TREE.matcher(t.tail()).find() && !TTL.matcher(t.tail()).find())
                            .ifPresent(t -> t.columns().stream().filter(c -> TIME_TYPE.matcher(c.type()).lookingAt())
                                    .findFirst().ifPresent(c -> report.at(unit, s, t.table() + " has time column "
                                            + c.name() + " but no TTL.")));
                }
            });

    static final Rule LARGE_STRING_CODEC = Rule.of("CH007", Severity.WARNING,
            "a large text column (input, output, prompt, payload, ...) without CODEC(ZSTD) (the card: ZSTD for large "
                    + "text fields)",
            "add CODEC(ZSTD(1)) to the column, e.g. input Nullable(String) CODEC(ZSTD(1))",
            (unit, context, report) -> columns(unit, (s, c) -> {
                boolean large = LARGE_TEXT.contains(c.name()) || c.name().matches(".*_(body|payload|content|input|output)");
                if (large && STRING.matcher(c.type()).lookingAt() && !ZSTD.matcher(c.definition()).find()) {
                    report.at(unit, s, c.offset(), "column " + c.name() + " (" + c.type() + ") has no CODEC(ZSTD).");
                }
            }));

    static List<Rule> all() {
        return List.of(NOT_REPEATABLE, NULLABLE_TO_NOT_NULL, NULLABLE_SORTING_KEY, CLUSTER_MIX, DATETIME64, EVENT_TTL,
                LARGE_STRING_CODEC, MISSING_IF_EXISTS);
    }

    /** Every column the up defines: in CREATE TABLE and in ADD COLUMN. */
    private static void columns(MigrationUnit unit, BiConsumer<LintStatement, Ddl.Column> consumer) {
        for (LintStatement s : unit.up()) {
            Ddl.createTable(s).ifPresent(t -> t.columns().forEach(c -> consumer.accept(s, c)));
            Ddl.alterTable(s).ifPresent(alter -> alter.actions().forEach(a -> {
                Matcher m = ADD_COLUMN.matcher(a.text());
                if (m.lookingAt()) {
                    consumer.accept(s, new Ddl.Column(m.group(1).toLowerCase(Locale.ROOT), m.group(2), a.offset()));
                }
            }));
        }
    }

    /** The key's text with the arguments of never-NULL calls blanked (same offsets). */
    private static String withoutNeverNullCalls(String key) {
        char[] text = key.toCharArray();
        Matcher call = NEVER_NULL_CALL.matcher(key);
        while (call.find()) {
            SqlLexer.blank(text, call.end(), Ddl.matchingParen(key, call.end() - 1));
        }
        return new String(text);
    }
}
