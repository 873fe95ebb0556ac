package ai.brokle.migrate.engine;

/** The plugin's own version, from its jar manifest. */
final class Versions {

    private Versions() {
    }

    static String plugin() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
