package ai.brokle.migrate.state;

import ai.brokle.migrate.state.Db.Version;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a plugin goal must do from a known state, according to ARCHITECTURE §3 and issue 8.
 *
 * @param outcome   how the goal ends
 * @param unchanged the goal must leave every table byte-for-byte as it was (refusals, dry runs, status)
 * @param keyword   for a refusal, text its message must contain (what was refused); for a failure, the id
 * @param after     the state after the goal (for {@code LENIENT}: null, only the invariants are checked)
 * @param dontCare  recorded ids whose presence the intended behaviour does not decide (records without a file)
 * @param smAllowed the {@code schema_migrations} states accepted afterwards
 * @param why       the rule that applied, for the failure report
 */
record Expect(Outcome outcome, boolean unchanged, String keyword, Model after, Set<String> dontCare,
              List<Optional<Version>> smAllowed, String why) {

    enum Outcome { OK, REFUSED, FAILED, LENIENT }

    static Expect ok(Model after, String why) {
        return new Expect(Outcome.OK, false, null, after, Set.of(), List.of(after.sm), why);
    }

    static Expect unchanged(Outcome outcome, String keyword, Model before, String why) {
        return new Expect(outcome, true, keyword, before, Set.of(), List.of(before.sm), why);
    }

    static Expect lenient(String why) {
        return new Expect(Outcome.LENIENT, false, null, null, Set.of(), List.of(), why);
    }

    Expect withDontCare(Set<String> ids) {
        return new Expect(outcome, unchanged, keyword, after, ids, smAllowed, why);
    }

    Expect withSm(List<Optional<Version>> allowed) {
        return new Expect(outcome, unchanged, keyword, after, dontCare, allowed, why);
    }
}
