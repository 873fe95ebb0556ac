package ai.brokle.migrate.engine;

/** Health of a datasource, or of all of them (the worst one wins). Ordered from best to worst. */
public enum Health {
    HEALTHY, NOT_CONFIGURED, PENDING, DIRTY, ERROR;

    public Health worse(Health other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
