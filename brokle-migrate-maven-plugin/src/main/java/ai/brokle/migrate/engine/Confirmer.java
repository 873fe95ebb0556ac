package ai.brokle.migrate.engine;

/** Asks the user to confirm a destructive action. */
public interface Confirmer {

    enum Decision { CONFIRMED, DECLINED, NO_CONSOLE }

    /** @param action what is about to happen, e.g. "rollback 1 migration(s) on postgres (...)" */
    Decision confirm(String action);
}
