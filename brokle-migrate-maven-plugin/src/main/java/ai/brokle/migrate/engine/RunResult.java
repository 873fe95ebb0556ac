package ai.brokle.migrate.engine;

import java.util.List;

/** What an up/down run did: the migrations it applied or rolled back, in order. Empty means "no change". */
public record RunResult(List<AppliedMigration> migrations, boolean dryRun) {

    public boolean noChange() {
        return migrations.isEmpty();
    }
}
