package ai.brokle.migrate.dialect;

import ai.brokle.migrate.UserError;

/** Another process held the migration lock for longer than the configured wait. */
public class LockTimeoutException extends UserError {

    /** @param ifGone the fix when the holder is gone, e.g. the unlock command naming its id */
    public LockTimeoutException(String datasource, long waitSeconds, String holders, String ifGone) {
        super("[" + datasource + "] another migration holds the lock (" + holders + ") and did not finish within "
                + waitSeconds + " s. Wait for it, raise -Dbrokle.migrate.lockWaitSeconds, or, " + ifGone);
    }
}
