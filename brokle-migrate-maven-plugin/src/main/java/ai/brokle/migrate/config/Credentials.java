package ai.brokle.migrate.config;

/** A user name and password, e.g. from a settings.xml {@code <server>}. Never printed. */
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
