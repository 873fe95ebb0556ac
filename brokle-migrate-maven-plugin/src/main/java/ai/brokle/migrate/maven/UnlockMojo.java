package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.engine.Migrator;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.util.Map;

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
    protected void addParameters(Map<String, String> values) {
        super.addParameters(values);
        values.put("holder", holder);
    }

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        migrator.repairs().unlock();
    }
}
