package ai.brokle.migrate.maven;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.UserError;
import ai.brokle.migrate.config.SecretMasker;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

import java.util.Collection;

/**
 * The one place where engine errors become Maven failures: user errors fail the build, the rest are execution
 * errors. Messages are masked, and the cause Maven keeps (printed by {@code mvn -e}) is a masked copy.
 */
final class MojoFailures {

    private MojoFailures() {
    }

    /** @param secrets the configured passwords, masked wherever they appear */
    static AbstractMojoExecutionException of(RuntimeException e, Collection<String> secrets) {
        Throwable maskedCause = SecretMasker.maskedCopy(e, secrets);
        if (e instanceof MigrateException failure) {
            String message = SecretMasker.maskAll(failure.getMessage(), secrets);
            return failure instanceof UserError ? new MojoFailureException(message, maskedCause)
                    : new MojoExecutionException(message, maskedCause);
        }
        return new MojoExecutionException("brokle-migrate failed unexpectedly: "
                + SecretMasker.maskAll(e.toString(), secrets), maskedCause);
    }
}
