package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.engine.Migrator;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;

/**
 * Releases a migration lock left by a killed run (ClickHouse; PostgreSQL locks end with their session).
 * Asks for confirmation.
 */
@Mojo(name = "unlock", threadSafe = true, requiresProject = false)
public class UnlockMojo extends AbstractDestructiveMojo {

    @Inject
    public UnlockMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        migrator.repairs().unlock();
    }
}
