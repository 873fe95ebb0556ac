package ai.brokle.migrate.state;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.state.ActionChain;


/**
 * The state invariant of ARCHITECTURE §3 (issue 8), tested by model: random chains of plugin goals, Go CLI moves,
 * file changes and seeded failures on a real PostgreSQL and the ClickHouse endpoint, each try on a new database.
 * See {@link Checker} for what is checked after every goal, {@link PluginRules} for the intended behaviour.
 *
 * <p>Size (system properties): {@code jqwik.tries.default} tries per datasource (default 20, in
 * junit-platform.properties), {@code brokle.prop.chain} steps per try (default 24): 480 steps on each datasource by
 * default; the long run is {@code -Djqwik.tries.default=250} (6,000 steps each). {@code brokle.prop.seed=N} replays a
 * run with the same sizes (jqwik prints the seed of a failing run).
 */
@AddLifecycleHook(StateTruthProperties.Sizes.class)
class StateTruthProperties {

    static final int CHAIN = Integer.getInteger("brokle.prop.chain", 24);

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void postgresKeepsTheStateTruthful(@ForAll("postgres") ActionChain<World> chain) {
        chain.run();
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void clickHouseKeepsTheStateTruthful(@ForAll("clickhouse") ActionChain<World> chain) {
        chain.run();
    }

    @Provide
    Arbitrary<ActionChain<World>> postgres() {
        return Steps.chains(() -> World.start(PostgresDb::create, true), CHAIN);
    }

    @Provide
    Arbitrary<ActionChain<World>> clickhouse() {
        return Steps.chains(() -> World.start(ClickHouseDb::create, false), CHAIN);
    }

    @AfterTry
    void dropTheDatabase() {
        World.closeAll();
    }

    /** The replay seed, and the number of steps run (tries come from jqwik.tries.default). */
    public static class Sizes implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            String seed = System.getProperty("brokle.prop.seed");
            if (seed != null && !seed.isBlank()) {
                context.attributes().setSeed(seed.strip());
            }
            long before = Steps.RUN.get();
            PropertyExecutionResult result = property.execute();
            context.reporter().publishValue("steps", (Steps.RUN.get() - before) + " steps run (including shrinking) in "
                    + context.attributes().tries().orElse(0) + " tries of up to " + CHAIN + " steps");
            return result;
        }
    }
}
