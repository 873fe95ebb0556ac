package ai.brokle.migrate.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One plugin goal run through the engine API, with the parameters a user would give.
 *
 * @param steps   up/down count, or null for the default
 * @param version goto/force target, or null
 */
record Goal(Kind kind, Integer steps, Long version, boolean outOfOrder, boolean ignoreDrift, boolean dryRun,
            Answer answer) {

    enum Kind { UP, DOWN, GOTO, FORCE, REPAIR, STATUS, DROP, RESET }

    /** How a destructive goal is confirmed: {@code -Dbrokle.migrate.confirm=yes}, at the prompt, or not at all. */
    enum Answer { CONFIRM_FLAG, PROMPT_YES, PROMPT_NO, NO_CONSOLE }

    boolean confirmed() {
        return answer == Answer.CONFIRM_FLAG || answer == Answer.PROMPT_YES;
    }

    /** The {@code brokle.migrate.*} options, without the datasource ones. */
    Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        if (steps != null) {
            options.put("steps", String.valueOf(steps));
        }
        if (version != null) {
            options.put("version", String.valueOf(version));
        }
        if (outOfOrder) {
            options.put("outOfOrder", "true");
        }
        if (ignoreDrift) {
            options.put("ignoreDrift", "true");
        }
        if (dryRun) {
            options.put("dryRun", "true");
        }
        if (answer == Answer.CONFIRM_FLAG) {
            options.put("confirm", "yes");
        }
        return options;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("mvn brokle-migrate:" + (kind == Kind.GOTO ? "goto" : kind.name().toLowerCase()));
        options().forEach((k, v) -> text.append(" -D").append(k).append('=').append(v));
        if (answer == Answer.PROMPT_YES || answer == Answer.PROMPT_NO) {
            text.append(" (prompt answered ").append(answer == Answer.PROMPT_YES ? "yes" : "no").append(')');
        } else if (answer == Answer.NO_CONSOLE) {
            text.append(" (batch, no confirm)");
        }
        return text.toString();
    }
}
