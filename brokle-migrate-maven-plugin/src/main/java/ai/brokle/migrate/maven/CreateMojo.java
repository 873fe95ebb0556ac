package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.engine.Migrator;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

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
    protected void addParameters(Map<String, String> values) {
        values.put("name", name);
    }

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        for (Path file : migrator.create(Clock.systemUTC())) {
            getLog().info("created " + file);
        }
    }
}
