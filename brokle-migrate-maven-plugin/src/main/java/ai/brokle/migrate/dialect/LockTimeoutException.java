package ai.brokle.migrate.dialect;

import ai.brokle.migrate.MigrateException;

/** Another process held the migration lock for longer than the configured wait. */
public class LockTimeoutException extends MigrateException {

    public LockTimeoutException(String datasource, long waitSeconds, String holders) {
        super("[" + datasource + "] another migration holds the lock (" + holders + ") and did not finish within "
                + waitSeconds + " s. Wait for it, raise -Dbrokle.migrate.lockWaitSeconds, or, if that process is "
                + "gone, run: mvn brokle-migrate:unlock -Dbrokle.migrate.db=" + datasource);
    }
}
