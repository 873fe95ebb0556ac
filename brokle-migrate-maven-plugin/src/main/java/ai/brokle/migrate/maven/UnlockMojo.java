package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.UnlockRequest;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;

/**
 * Releases a migration lock left by a killed run (ClickHouse; PostgreSQL locks end with their session): only the
 * holder named by {@code holder}, never one whose process is alive on this host. Asks for confirmation.
 */
@Mojo(name = "unlock", threadSafe = true, requiresProject = false)
public class UnlockMojo extends AbstractDestructiveMojo {

    /** The id of the lock holder to remove, as {@code status} and the lock-timeout message show it. */
    @Parameter(property = "brokle.migrate.holder")
    String holder;

    @Inject
    public UnlockMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) {
        migrator.repairs().unlock(new UnlockRequest(options.text("holder", holder), confirmed(options)));
    }
}
