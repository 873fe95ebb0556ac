package ai.brokle.migrate.engine;

/**
 * Asks for a destructive action's confirmation, or refuses it with the way to confirm.
 *
 * @param preConfirmed true when {@code confirm=yes} was given: nothing is asked
 */
record Confirmation(boolean preConfirmed, Confirmer confirmer) {

    /** @throws ConfirmationRefusedException when not confirmed; nothing has been changed at that point */
    void require(String action) {
        if (preConfirmed) {
            return;
        }
        switch (confirmer.confirm(action)) {
            case CONFIRMED -> {
            }
            case DECLINED -> throw new ConfirmationRefusedException("Cancelled: " + action + ". Nothing was changed.");
            default -> throw new ConfirmationRefusedException("Refusing to " + action + " without confirmation "
                    + "(batch mode or no console). Nothing was changed. To confirm, re-run with "
                    + "-Dbrokle.migrate.confirm=yes");
        }
    }
}
