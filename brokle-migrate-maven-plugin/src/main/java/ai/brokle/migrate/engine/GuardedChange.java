package ai.brokle.migrate.engine;

import java.util.List;
import java.util.Optional;

/**
 * The one way a state-changing goal runs on an open target. It plans on a read that takes no lock and writes
 * nothing; a dry run prints that plan, a destructive plan is confirmed. Only then is the migration lock taken and the
 * state read again: if the plan is no longer the same (another run moved the database meanwhile), nothing happens.
 * So a refusal or a dry run leaves every table as it was, and no lock is held while a prompt waits. A plan with
 * nothing to do still takes the lock when golang-migrate's version moved (the Go CLI ran): the adoption is written.
 */
record GuardedChange(Reporter reporter, Confirmation confirmation, boolean dryRun, long lockWaitSeconds) {

    /** What a goal contributes: its plan (plans compare by value), and what to do with it. */
    interface Goal<P> {
        /** The plan on this state; throws a user error when the goal must not run (dirty, drift, ...). */
        P plan(PreparedTarget state);

        boolean isEmpty(P plan);

        /** The action to confirm, or empty when this plan needs no confirmation. */
        Optional<String> confirmation(PreparedTarget state, P plan);

        void reportNothingToDo(PreparedTarget state);

        /** Prints what {@link #act} would do; returns what it would report. */
        List<AppliedMigration> preview(PreparedTarget state, P plan);

        List<AppliedMigration> act(PreparedTarget state, P plan);
    }

    /** @param mayConfirm false for goals that never ask (up): they plan once, under the lock */
    <P> List<AppliedMigration> run(Target target, boolean mayConfirm, Goal<P> goal) {
        P planned = null;
        if (dryRun || mayConfirm) {
            try (PreparedTarget view = PreparedTarget.read(target, reporter)) {
                planned = goal.plan(view);
                boolean empty = goal.isEmpty(planned);
                if (dryRun) {
                    view.reportAdoption(" (dry run: not written)");
                    if (empty) {
                        goal.reportNothingToDo(view);
                        return List.of();
                    }
                    return goal.preview(view, planned);
                }
                if (empty && !view.adopts()) {
                    goal.reportNothingToDo(view);
                    return List.of();
                }
                if (!empty) {
                    goal.confirmation(view, planned).ifPresent(confirmation::require);
                }
            }
        }
        try (PreparedTarget locked = PreparedTarget.lock(target, reporter, lockWaitSeconds)) {
            P plan = goal.plan(locked);
            if (planned != null && !plan.equals(planned)) {
                throw new GoalRefusedException("[" + target.name() + "] the migration state changed while this goal "
                        + "waited for confirmation or for the lock (another run moved it). Nothing was changed. "
                        + "Run the goal again to see the new plan.");
            }
            locked.persist();
            if (goal.isEmpty(plan)) {
                goal.reportNothingToDo(locked);
                return List.of();
            }
            return goal.act(locked, plan);
        }
    }
}
