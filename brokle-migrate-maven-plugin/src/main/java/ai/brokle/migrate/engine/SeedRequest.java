package ai.brokle.migrate.engine;

import java.nio.file.Path;

/**
 * The options of {@code seed}.
 *
 * @param seed      a seed set name ({@code dev} → {@code seeds/dev.yaml}), or null
 * @param seedFile  a seed file instead of a set, or null
 * @param reset     empty the seeded tables first (confirmed)
 * @param dryRun    print the plan and write nothing
 * @param confirmed {@code confirm=yes}: no prompt
 */
public record SeedRequest(String seed, Path seedFile, boolean reset, boolean dryRun, boolean confirmed) {
}
