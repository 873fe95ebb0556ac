package ai.brokle.migrate.maven;

import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.util.Map;

/** A goal that can destroy data: it asks {@code Type 'yes' to confirm}, or needs {@code confirm=yes} in batch mode. */
public abstract class AbstractDestructiveMojo extends AbstractMigrateMojo {

    /** {@code yes} confirms without a prompt (needed in batch mode, {@code -B}). */
    @Parameter(property = "brokle.migrate.confirm")
    String confirm;

    protected AbstractDestructiveMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void addParameters(Map<String, String> values) {
        values.put("confirm", confirm);
    }
}
