package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.lint.Ddl;
import ai.brokle.migrate.lint.LintStatement;
import ai.brokle.migrate.lint.MigrationUnit;
import ai.brokle.migrate.lint.Rule;
import ai.brokle.migrate.lint.Severity;
import ai.brokle.migrate.sql.TransactionControl;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's rules for {@code validate}. "An existing table" is one this migration does not create: it may hold
 * rows and serve traffic while the migration runs.
 */
final class PostgresRules {

    private static final String NOTRANSACTION = "-- +migrate notransaction";
    /** What PostgreSQL refuses inside a transaction block (checked against the server by a test). */
    private static final Pattern NON_TRANSACTIONAL = Pattern.compile("(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY"
            + "|DROP\\s+INDEX\\s+CONCURRENTLY|REINDEX\\b.*\\bCONCURRENTLY|REINDEX\\s*(?:\\([^)]*\\)\\s*)?(?:SCHEMA|DATABASE|SYSTEM)"
            + "|VACUUM|(?:CREATE|DROP)\\s+(?:DATABASE|TABLESPACE)|ALTER\\s+DATABASE\\b.*\\bSET\\s+TABLESPACE|ALTER\\s+SYSTEM"
            + "|DISCARD\\s+ALL|ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*\\bCONCURRENTLY)\\b"
            + "|CLUSTER(?:\\s*\\([^)]*\\))?(?:\\s+VERBOSE)?\\s*$", Pattern.DOTALL); // CLUSTER without a table
    private static final Pattern CREATE_INDEX = Pattern.compile("CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?"
            + "(IF\\s+NOT\\s+EXISTS\\s+)?(?:[\\w$.]+\\s+)??ON\\s+(?:ONLY\\s+)?([\\w$.]+)");
    private static final Pattern ADD_COLUMN = Pattern.compile("ADD\\s+(?:COLUMN\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?"
            + "(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|FOREIGN\\b|CHECK\\b|EXCLUDE\\b)([\\w$]+)\\s+(.*)", Pattern.DOTALL);
    private static final Pattern NOT_NULL_OR_PRIMARY_KEY = Pattern.compile("\\bNOT\\s+NULL\\b|\\bPRIMARY\\s+KEY\\b");
    /** What fills a new column's existing rows: a default other than NULL, a generated value, a serial type. */
    private static final Pattern FILLED = Pattern.compile("\\bDEFAULT\\s+(?!NULL\\b)|\\bGENERATED\\b|^(?:SMALL|BIG)?SERIAL\\b");
    /** What makes adding a column rewrite every row: a volatile default, a serial type, an identity, a stored value. */
    private static final Pattern VOLATILE = Pattern.compile("\\bDEFAULT\\b.*?\\b(RANDOM|GEN_RANDOM_UUID|UUID_GENERATE_V\\w+"
            + "|CLOCK_TIMESTAMP|TIMEOFDAY|NEXTVAL)\\s*\\(|^(?:SMALL|BIG)?SERIAL\\b|\\bAS\\s+(IDENTITY)\\b"
            + "|\\bGENERATED\\s+ALWAYS\\s+AS\\s*\\(.*\\)\\s*(STORED)\\b", Pattern.DOTALL);
    private static final Pattern CREATE_WITHOUT_IF = Pattern.compile("CREATE\\s+(?:UNLOGGED\\s+)?(TABLE|SCHEMA|SEQUENCE"
            + "|EXTENSION|MATERIALIZED\\s+VIEW|(?:UNIQUE\\s+)?INDEX(?:\\s+CONCURRENTLY)?)\\s+(?!IF\\s+NOT\\s+EXISTS\\b)");
    private static final Pattern DROP_WITHOUT_IF = Pattern.compile("DROP\\s+(TABLE|INDEX(?:\\s+CONCURRENTLY)?|VIEW"
            + "|MATERIALIZED\\s+VIEW|SEQUENCE|SCHEMA|TYPE|FUNCTION|PROCEDURE|TRIGGER|EXTENSION|DOMAIN)\\s+(?!IF\\s+EXISTS\\b)");
    private static final Pattern DROP_ACTION_WITHOUT_IF = Pattern.compile("DROP\\s+(COLUMN|CONSTRAINT)\\s+(?!IF\\s+EXISTS\\b)");

    private PostgresRules() {
    }

    static final Rule TRANSACTION_CONTROL = Rule.of("PG001", Severity.ERROR,
            "BEGIN/COMMIT/ROLLBACK/END inside a file that runs in one transaction (up refuses it)",
            "remove the statement, or run the file outside a transaction with the line " + NOTRANSACTION,
            (unit, context, report) -> {
                if (unit.migration().transactional()) {
                    unit.all().stream().filter(s -> TransactionControl.isControl(s.statement())).forEach(s ->
                            report.at(unit, s, s.shown() + " controls the transaction, but the file runs in one "
                                    + "transaction with its bookkeeping."));
                }
            });

    static final Rule NOT_IN_TRANSACTION = Rule.of("PG002", Severity.ERROR,
            "CREATE INDEX CONCURRENTLY, VACUUM, CREATE DATABASE, ... inside a file that runs in one transaction "
                    + "(PostgreSQL refuses them there)",
            "put the statement in its own migration with the line " + NOTRANSACTION,
            (unit, context, report) -> {
                if (unit.migration().transactional()) {
                    unit.all().stream().filter(s -> s.startsWith(NON_TRANSACTIONAL)).forEach(s ->
                            report.at(unit, s, s.shown() + " cannot run inside a transaction block."));
                }
            });

    static final Rule INDEX_WITHOUT_CONCURRENTLY = Rule.of("PG003", Severity.WARNING,
            "CREATE INDEX without CONCURRENTLY on an existing table: writes to it wait until the index is built",
            "use CREATE INDEX CONCURRENTLY IF NOT EXISTS, alone in a migration with the line " + NOTRANSACTION,
            (unit, context, report) -> {
                for (LintStatement s : unit.up()) {
                    Matcher m = s.starting(CREATE_INDEX);
                    if (m != null && m.group(1) == null && !unit.createsTable(Ddl.simpleName(m.group(3)))) {
                        report.at(unit, s, s.shown() + " locks " + Ddl.simpleName(m.group(3))
                                + " against writes while the index builds.");
                    }
                }
            });

    static final Rule NOT_NULL_WITHOUT_DEFAULT = Rule.of("PG004", Severity.ERROR,
            "ADD COLUMN ... NOT NULL without a DEFAULT on an existing table: fails as soon as the table has a row",
            "give the column a DEFAULT, or add it nullable, backfill, then SET NOT NULL in a later migration",
            (unit, context, report) -> addedColumns(unit, (s, table, column, definition, offset) -> {
                if (NOT_NULL_OR_PRIMARY_KEY.matcher(definition).find() && !FILLED.matcher(definition).find()) {
                    report.at(unit, s, offset, "column " + column + " is added to " + table
                            + " as NOT NULL without a DEFAULT.");
                }
            }));

    static final Rule VOLATILE_DEFAULT = Rule.of("PG005", Severity.WARNING,
            "ADD COLUMN with a volatile default (random(), gen_random_uuid(), clock_timestamp(), serial, ...), an "
                    + "identity or a stored generated value on an existing table: every row is rewritten under an "
                    + "exclusive lock",
            "add the column without the default (or with a constant one), set the default after, and backfill in batches",
            (unit, context, report) -> addedColumns(unit, (s, table, column, definition, offset) -> {
                Matcher m = VOLATILE.matcher(definition);
                if (m.find()) {
                    String what = m.group(1) != null ? "a volatile default (" + m.group(1).toLowerCase() + "())"
                            : m.group(2) != null ? "an identity" : m.group(3) != null ? "a stored generated value"
                            : "a volatile default (serial)";
                    report.at(unit, s, offset, "column " + column + " of " + table + " gets " + what + ".");
                }
            }));

    static final Rule MISSING_IF_EXISTS = Rule.of("PG006", Severity.WARNING,
            "CREATE/ADD COLUMN without IF NOT EXISTS, DROP without IF EXISTS (the card: use IF NOT EXISTS / IF EXISTS)",
            "write CREATE ... IF NOT EXISTS, ADD COLUMN IF NOT EXISTS, DROP ... IF EXISTS",
            (unit, context, report) -> {
                for (LintStatement s : unit.all()) {
                    Matcher create = s.starting(CREATE_WITHOUT_IF);
                    Matcher drop = s.starting(DROP_WITHOUT_IF);
                    if (create != null) {
                        report.at(unit, s, s.shown() + " has no IF NOT EXISTS.");
                    } else if (drop != null) {
                        report.at(unit, s, s.shown() + " has no IF EXISTS.");
                    }
                    Ddl.alterTable(s).ifPresent(alter -> alter.actions().forEach(a -> {
                        Matcher add = ADD_COLUMN.matcher(a.text());
                        if (add.lookingAt() && add.group(1) == null) {
                            report.at(unit, s, a.offset(), "ADD COLUMN " + add.group(2).toLowerCase()
                                    + " has no IF NOT EXISTS.");
                        } else if (DROP_ACTION_WITHOUT_IF.matcher(a.text()).lookingAt()) {
                            report.at(unit, s, a.offset(), a.text().split("\\s+")[0] + " "
                                    + a.text().split("\\s+")[1] + " has no IF EXISTS.");
                        }
                    }));
                }
            });

    static List<Rule> all() {
        return List.of(TRANSACTION_CONTROL, NOT_IN_TRANSACTION, INDEX_WITHOUT_CONCURRENTLY, NOT_NULL_WITHOUT_DEFAULT,
                VOLATILE_DEFAULT, MISSING_IF_EXISTS);
    }

    @FunctionalInterface
    private interface AddedColumn {
        void accept(LintStatement statement, String table, String column, String definition, int offset);
    }

    /** Every ADD COLUMN of the up on a table this migration does not create. */
    private static void addedColumns(MigrationUnit unit, AddedColumn consumer) {
        for (LintStatement s : unit.up()) {
            Ddl.alterTable(s).filter(alter -> !unit.createsTable(alter.table())).ifPresent(alter -> {
                for (Ddl.Action action : alter.actions()) {
                    Matcher m = ADD_COLUMN.matcher(action.text());
                    if (m.lookingAt()) {
                        consumer.accept(s, alter.table(), m.group(2).toLowerCase(), m.group(3), action.offset());
                    }
                }
            });
        }
    }
}
