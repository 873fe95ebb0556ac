package ai.brokle.migrate.testing;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.CreateRequest;
import ai.brokle.migrate.engine.DownRequest;
import ai.brokle.migrate.engine.ForceRequest;
import ai.brokle.migrate.engine.GotoRequest;
import ai.brokle.migrate.engine.InfoReport;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.RepairRequest;
import ai.brokle.migrate.engine.RunResult;
import ai.brokle.migrate.engine.SeedRequest;
import ai.brokle.migrate.engine.StatusReport;
import ai.brokle.migrate.engine.UnlockRequest;
import ai.brokle.migrate.engine.UpRequest;
import ai.brokle.migrate.engine.ValidationReport;
import ai.brokle.migrate.engine.VerifyReport;
import ai.brokle.migrate.engine.VerifyRequest;
import ai.brokle.migrate.engine.WipeRequest;
import ai.brokle.migrate.lint.LintOptions;
import ai.brokle.migrate.seed.SeedResult;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * An engine whose goals take their requests from {@code -D}-style properties, as the mojos build them when the pom
 * sets nothing: {@code migrator.up()} is the engine's {@code up(UpRequest)} of {@code brokle.migrate.steps} etc.
 */
public final class TestMigrator {

    private final Migrator migrator;
    private final GoalOptions options;

    public TestMigrator(Migrator migrator, GoalOptions options) {
        this.migrator = migrator;
        this.options = options;
    }

    public RunResult up() {
        return migrator.up(new UpRequest(options.wholeNumber("steps", null), dryRun(),
                options.flag("outOfOrder", false), options.flag("ignoreDrift", false), lockWait()));
    }

    public RunResult down() {
        return migrator.down(new DownRequest(options.wholeNumber("steps", null), dryRun(), confirmed(), lockWait()));
    }

    public RunResult goTo() {
        return migrator.goTo(new GotoRequest(options.version("version", null), dryRun(),
                options.flag("outOfOrder", false), options.flag("ignoreDrift", false), confirmed(), lockWait()));
    }

    public void force() {
        migrator.force(new ForceRequest(options.version("version", null), dryRun(), confirmed(), lockWait()));
    }

    public void repair() {
        migrator.repair(new RepairRequest(dryRun(), confirmed(), lockWait()));
    }

    /** drop, reset and unlock. */
    public Repairs repairs() {
        return new Repairs();
    }

    public SeedResult seed() {
        return migrator.seed(new SeedRequest(options.text("seed", null), options.path("seedFile", null),
                options.flag("reset", false), dryRun(), confirmed()));
    }

    public VerifyReport verify(Clock clock) {
        return migrator.verify(VerifyRequest.of(options.someOf("verifyFailOn", null, VerifyRequest.SEVERITIES,
                VerifyRequest.FAILING_BY_DEFAULT)), clock);
    }

    public ValidationReport validate() {
        return migrator.validate(new LintOptions(options.flag("explain", false), options.text("since", null),
                options.ruleIds("ignore", null)));
    }

    public List<Path> create(Clock clock) {
        return migrator.create(new CreateRequest(options.text("name", null)), clock);
    }

    public StatusReport status() {
        return migrator.status();
    }

    public InfoReport info() {
        return migrator.info();
    }

    public final class Repairs {

        public void drop() {
            migrator.repairs().drop(new WipeRequest(confirmed(), lockWait()));
        }

        public void reset() {
            migrator.repairs().reset(new WipeRequest(confirmed(), lockWait()));
        }

        public void unlock() {
            migrator.repairs().unlock(new UnlockRequest(options.text("holder", null), confirmed()));
        }
    }

    private boolean dryRun() {
        return options.flag("dryRun", false);
    }

    private boolean confirmed() {
        return options.yes("confirm", null);
    }

    private long lockWait() {
        return options.seconds("lockWaitSeconds", null);
    }
}
