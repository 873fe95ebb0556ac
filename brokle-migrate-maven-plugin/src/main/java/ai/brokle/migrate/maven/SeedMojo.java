package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.SeedRequest;
import ai.brokle.migrate.seed.SeedResult;
import ai.brokle.migrate.seed.SeedResult.TableResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.io.File;

/**
 * Loads a YAML seed set: {@code -Dbrokle.migrate.seed=dev} ({@code seeds/dev.yaml}) or
 * {@code -Dbrokle.migrate.seedFile=PATH}. Tables are written in foreign-key order, in one transaction per
 * datasource; running it twice changes nothing. {@code reset=true} empties the seeded tables first and asks for
 * confirmation.
 */
@Mojo(name = "seed", threadSafe = true, requiresProject = false)
public class SeedMojo extends AbstractDryRunMojo {

    /** Seed set name: {@code dev} loads {@code seeds/dev.yaml}. */
    @Parameter(property = "brokle.migrate.seed")
    String seed;

    /** A seed file to load instead of a named set. */
    @Parameter(property = "brokle.migrate.seedFile")
    File seedFile;

    /** Delete every row of the seeded tables first (children before parents). Destructive: asks to confirm. */
    @Parameter(property = "brokle.migrate.reset", defaultValue = "false")
    boolean reset;

    @Inject
    public SeedMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) {
        SeedResult result = migrator.seed(new SeedRequest(options.text("seed", seed),
                options.path("seedFile", seedFile), options.flag("reset", reset), dryRun(options),
                confirmed(options)));
        if (result.dryRun()) {
            getLog().info("dry run: " + result.rows() + " row(s) in " + result.tables().size() + " table(s) would "
                    + "be seeded from " + result.file() + "; nothing changed");
            return;
        }
        int width = result.tables().stream().mapToInt(t -> t.table().length()).max().orElse(0);
        for (TableResult table : result.tables()) {
            getLog().info(String.format("[%s] %-" + width + "s %6d inserted, %6d updated, %6d unchanged%s",
                    table.datasource(), table.table(), table.inserted(), table.updated(), table.unchanged(),
                    result.reset() ? ", " + (table.deleted() < 0 ? "emptied" : table.deleted() + " deleted") : ""));
        }
        getLog().info("seeded " + result.file() + ": " + result.rows() + " row(s), " + result.inserted()
                + " inserted, " + result.updated() + " updated, " + result.unchanged() + " unchanged");
    }
}
