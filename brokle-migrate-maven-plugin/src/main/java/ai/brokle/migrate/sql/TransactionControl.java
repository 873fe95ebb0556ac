package ai.brokle.migrate.sql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds statements that end or start a transaction ({@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT},
 * {@code END}, {@code ROLLBACK}, {@code ABORT}, two-phase commit). Inside a file that runs in one transaction they
 * would commit part of the migration and break the promise that a failure leaves nothing behind. Savepoints stay
 * allowed: they nest inside the migration's transaction.
 */
public final class TransactionControl {

    /** Transactions are controlled where migrations run in one: PostgreSQL. */
    private static final SqlLexer LEXER = new SqlLexer(SqlSyntax.POSTGRES);
    private static final Pattern CONTROL = Pattern.compile(
            "(begin|start\\s+transaction|commit|end|abort|prepare\\s+transaction)\\b.*"
                    + "|rollback(?!\\s+(?:work\\s+|transaction\\s+)?to\\b)\\b.*", Pattern.DOTALL);

    private TransactionControl() {
    }

    /** The first statement that controls the transaction, if any. */
    public static Optional<SqlStatement> find(List<SqlStatement> statements) {
        return statements.stream().filter(TransactionControl::isControl).findFirst();
    }

    /** True when this statement ends or starts a transaction (the detector the runner and {@code validate} share). */
    public static boolean isControl(SqlStatement statement) {
        String text = withoutLeadingComments(statement.sql()).toLowerCase(Locale.ROOT);
        return CONTROL.matcher(text).matches();
    }

    private static String withoutLeadingComments(String sql) {
        int i = 0;
        while (i < sql.length()) {
            SqlLexer.Region region = LEXER.regionAt(sql, i);
            if (region != null && region.comment()) {
                i = region.end();
            } else if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else {
                break;
            }
        }
        return sql.substring(i);
    }
}
