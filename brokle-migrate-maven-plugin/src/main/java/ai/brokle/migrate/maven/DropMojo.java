package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.WipeRequest;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;

/**
 * Drops every table, view, type, function and sequence of the schema (PostgreSQL) or every table of the database
 * (ClickHouse), ClickHouse first. Asks for a typed confirmation naming the database.
 */
@Mojo(name = "drop", threadSafe = true, requiresProject = false)
public class DropMojo extends AbstractDestructiveMojo {

    @Inject
    public DropMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) {
        migrator.repairs().drop(new WipeRequest(confirmed(options), lockWaitSeconds(options)));
    }
}
