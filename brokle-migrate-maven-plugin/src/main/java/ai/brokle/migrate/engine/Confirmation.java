package ai.brokle.migrate.engine;

/** Asks for a destructive action's confirmation, or refuses it with the way to confirm. */
final class Confirmation {

    private final boolean preConfirmed;
    private final Confirmer confirmer;

    Confirmation(boolean preConfirmed, Confirmer confirmer) {
        this.preConfirmed = preConfirmed;
        this.confirmer = confirmer;
    }

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
