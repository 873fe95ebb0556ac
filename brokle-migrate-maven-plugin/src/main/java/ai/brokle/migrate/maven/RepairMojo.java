package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.RepairRequest;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;

/**
 * Accepts intentional changes to applied migration files, listing each: re-records the checksum of an edited file,
 * records a renamed file under its new name (without running it) and removes the records of deleted files. No SQL
 * of a migration runs. Asks for confirmation.
 */
@Mojo(name = "repair", threadSafe = true, requiresProject = false)
public class RepairMojo extends AbstractDryRunMojo {

    @Inject
    public RepairMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) {
        migrator.repair(new RepairRequest(dryRun(options), confirmed(options), lockWaitSeconds(options)));
    }
}
