package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.WipeRequest;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;

/**
 * Drops and recreates the schema (PostgreSQL) or drops every table (ClickHouse). Asks for a typed confirmation
 * naming the database.
 */
@Mojo(name = "reset", threadSafe = true, requiresProject = false)
public class ResetMojo extends AbstractDestructiveMojo {

    @Inject
    public ResetMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) {
        migrator.repairs().reset(new WipeRequest(confirmed(options), lockWaitSeconds(options)));
    }
}
