package ai.brokle.migrate.lint;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules that hold for every database: how files are named, paired, encoded and split, data loss in an up, an
 * empty down, and (with {@code since}) history. Source and history rules are reported by {@link Linter} itself;
 * their checks here do nothing.
 */
public final class GenericRules {

    private static final Rule.Check REPORTED_BY_LINTER = (unit, context, report) -> {
    };

    public static final Rule NAMING = Rule.of("GEN001", Severity.ERROR,
            "a .sql file whose name is not NNNNNN_name.up.sql / NNNNNN_name.down.sql",
            "rename it, e.g. 000042_add_feature_table.up.sql (mvn brokle-migrate:create writes the pair)",
            REPORTED_BY_LINTER);
    public static final Rule VERSIONS = Rule.of("GEN002", Severity.ERROR,
            "two migrations with one version, or a file duplicated (1_a.up.sql and 0001_b.up.sql collide)",
            "give one of them the next free version (mvn brokle-migrate:create picks it)", REPORTED_BY_LINTER);
    public static final Rule ENCODING = Rule.of("GEN003", Severity.ERROR, "a file that is not UTF-8 or cannot be read",
            "re-save the file as UTF-8", REPORTED_BY_LINTER);
    public static final Rule PAIRING = Rule.of("GEN004", Severity.ERROR,
            "a down without its up, -- +migrate sections and a .down.sql file, or inconsistent section markers",
            "keep one up and at most one down per version: a .up.sql/.down.sql pair or one file with sections",
            REPORTED_BY_LINTER);
    public static final Rule SUPPRESSION = Rule.of("GEN008", Severity.WARNING,
            "-- brokle-migrate:ignore names an unknown rule, or an error (errors cannot be suppressed)",
            "name a warning rule id, e.g. -- brokle-migrate:ignore PG003, or fix what the error rule reports",
            REPORTED_BY_LINTER);
    public static final Rule ADDED_BELOW = Rule.of("GEN010", Severity.ERROR,
            "a file added since the 'since' ref whose version is below one that existed at the ref (a merge from a "
                    + "long-lived branch: databases that ran the newer one will refuse or skip it)",
            "renumber it above the newest existing version (mvn brokle-migrate:create picks one) and rename its pair",
            REPORTED_BY_LINTER);
    public static final Rule EDITED = Rule.of("GEN011", Severity.ERROR,
            "a migration file that existed at the 'since' ref was changed or deleted (it may already be applied)",
            "restore the file and put the change in a new migration (mvn brokle-migrate:create)", REPORTED_BY_LINTER);

    private static final Pattern CREATES_OR_DROPS = Pattern.compile("(?:CREATE|DROP)\\b|ALTER\\s+TABLE\\b.*?\\b(?:ADD|DROP)\\b",
            Pattern.DOTALL);
    private static final Pattern DROP_TABLE = Pattern.compile("DROP\\s+TABLE\\b");
    private static final Pattern TRUNCATE = Pattern.compile("TRUNCATE\\b");
    private static final Pattern DROP_COLUMN = Pattern.compile("DROP\\s+(?:COLUMN\\b|PARTITION\\b|(?!CONSTRAINT\\b|INDEX\\b"
            + "|PROJECTION\\b|STATISTICS\\b|DEFAULT\\b|NOT\\b|IDENTITY\\b|EXPRESSION\\b|TTL\\b|DETACHED\\b)[\\w$]+)");

    public static final Rule EMPTY_DOWN = Rule.of("GEN005", Severity.WARNING,
            "the up creates or drops something but the down is empty or missing, so a rollback only removes the record",
            "write the down that undoes the up (e.g. DROP TABLE IF EXISTS ... for a CREATE TABLE)",
            (unit, context, report) -> {
                if (!unit.down().isEmpty()) {
                    return;
                }
                unit.up().stream().filter(s -> s.startsWith(CREATES_OR_DROPS)).findFirst().ifPresent(s ->
                        report.at(unit, s, s.shown() + " changes the schema, but "
                                + (unit.migration().downFile() == null ? "there is no down file" : "the down is empty")
                                + "."));
            });

    public static final Rule DATA_LOSS = Rule.of("GEN006", Severity.WARNING,
            "DROP TABLE, DROP COLUMN or TRUNCATE in an up: the data is gone and the down cannot bring it back",
            "keep the data (rename, or stop using the column first) and drop it in a later release; suppress with "
                    + "-- brokle-migrate:ignore GEN006 once that is decided",
            (unit, context, report) -> {
                for (LintStatement s : unit.up()) {
                    if (s.startsWith(DROP_TABLE) || s.startsWith(TRUNCATE)) {
                        report.at(unit, s, s.shown() + " removes a table's rows.");
                    }
                    Ddl.alterTable(s).ifPresent(alter -> alter.actions().stream()
                            .filter(a -> DROP_COLUMN.matcher(a.text()).lookingAt())
                            .forEach(a -> report.at(unit, s, a.offset(), s.shown() + " drops a column's data.")));
                }
            });

    public static final Rule NO_STATEMENTS = Rule.of("GEN007", Severity.WARNING,
            "an up with no SQL statements: applying it only records it",
            "write the migration's SQL, or delete the pair if it is not needed",
            (unit, context, report) -> {
                if (unit.up().isEmpty()) {
                    report.at(unit, true, 0, "the up has no statements (only comments or nothing).");
                }
            });

    public static final Rule UNTERMINATED = Rule.of("GEN009", Severity.ERROR,
            "a string, quoted name, comment or $$ body that is never closed: the rest of the file becomes one statement",
            "close it (a missing ' or $$ is the usual cause); -Dbrokle.migrate.explain=true shows how the file splits",
            (unit, context, report) -> {
                for (LintStatement s : unit.all()) {
                    Optional.ofNullable(s.unterminated()).ifPresent(open -> report.at(unit, s,
                            "statement " + s.statement().number() + " " + s.shown() + " leaves " + open
                                    + " open to the end of the " + (s.up() ? "up" : "down") + " SQL."));
                }
            });

    private GenericRules() {
    }

    /** Rules that check each migration. */
    public static List<Rule> checks() {
        return List.of(EMPTY_DOWN, DATA_LOSS, NO_STATEMENTS, UNTERMINATED);
    }

    /** Every generic rule, the ones {@link Linter} reports itself included. */
    public static List<Rule> all() {
        return List.of(NAMING, VERSIONS, ENCODING, PAIRING, EMPTY_DOWN, DATA_LOSS, NO_STATEMENTS, SUPPRESSION,
                UNTERMINATED, ADDED_BELOW, EDITED);
    }
}
