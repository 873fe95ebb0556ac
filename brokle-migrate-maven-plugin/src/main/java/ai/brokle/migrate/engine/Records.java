package ai.brokle.migrate.engine;

import ai.brokle.migrate.source.MigrationFileName;

import java.util.Comparator;

/** DATABASECHANGELOG ids of this plugin are migration file stems ({@code 000042_name}): their version leads. */
final class Records {

    static final Comparator<String> BY_VERSION = Comparator.comparingLong(Records::version);

    private Records() {
    }

    /** The version of a recorded id; 0 for an id that is not a migration stem (never written by this plugin). */
    static long version(String id) {
        return MigrationFileName.versionOfStem(id);
    }
}
