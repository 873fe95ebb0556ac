package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.InfoReport;
import ai.brokle.migrate.engine.Migrator;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;

/** Prints the resolved configuration (credentials masked), the versions of the plugin, Liquibase and the drivers, and the health. */
@Mojo(name = "info", threadSafe = true, requiresProject = false)
public class InfoMojo extends AbstractMigrateMojo {

    @Inject
    public InfoMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) {
        InfoReport report = migrator.info();
        report.lines().forEach(getLog()::info);
        StatusRenderer.render(report.status(), getLog());
    }
}
