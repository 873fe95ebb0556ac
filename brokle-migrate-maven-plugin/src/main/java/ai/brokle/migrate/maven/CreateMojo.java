package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.CreateRequest;
import ai.brokle.migrate.engine.Migrator;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Writes the next {@code .up.sql}/{@code .down.sql} pair in the datasource's directory ({@code db=all} means
 * PostgreSQL). Never overwrites; needs no database.
 */
@Mojo(name = "create", threadSafe = true, requiresProject = false)
public class CreateMojo extends AbstractMigrateMojo {

    /** The new migration's name, snake_case, e.g. {@code add_users_table}. */
    @Parameter(property = "brokle.migrate.name")
    String name;

    @Inject
    public CreateMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) {
        for (Path file : migrator.create(new CreateRequest(options.text("name", name)), Clock.systemUTC())) {
            getLog().info("created " + file);
        }
    }
}
