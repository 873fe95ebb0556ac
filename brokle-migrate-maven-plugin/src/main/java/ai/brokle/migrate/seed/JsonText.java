package ai.brokle.migrate.seed;

/** A JSON document to store in a JSON column; already checked to be valid JSON. */
public record JsonText(String json) {

    @Override
    public String toString() {
        return json;
    }
}
