package ai.brokle.migrate.state;

import ai.brokle.migrate.state.Goal.Answer;
import ai.brokle.migrate.state.Goal.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The steps of a try, as jqwik actions: file changes (new higher or lower version, rename, replacement, deletion,
 * edit), plugin goals through the engine API, and Go CLI moves. Parameters that refer to the state (which file, which
 * version) are drawn as plain numbers and resolved when the step runs, so a shrunk chain stays meaningful.
 */
final class Steps {

    static final int MAX_FILES = 8;
    /** Steps actually run, across tries (the size reported at the end). */
    static final AtomicLong RUN = new AtomicLong();

    private Steps() {
    }

    static ActionChainArbitrary<World> chains(Supplier<World> start, int length) {
        return ActionChain.<World>startWith(start)
                .withAction(4, addHigher())
                .withAction(1, fileChange("add a lower version (merged branch)", Steps::addLower))
                .withAction(1, fileChange("rename an applied file", (w, pick) -> w.rename(pickVersion(w, pick))))
                .withAction(1, fileChange("replace a file", (w, pick) -> w.replace(pickVersion(w, pick))))
                .withAction(1, fileChange("delete a file", (w, pick) -> w.deleteFile(pickVersion(w, pick))))
                .withAction(1, fileChange("edit (fix) a file", (w, pick) -> w.edit(pickVersion(w, pick))))
                .withAction(6, goal(Kind.UP))
                .withAction(3, goal(Kind.DOWN))
                .withAction(2, goal(Kind.GOTO))
                .withAction(2, goal(Kind.FORCE))
                .withAction(1, goal(Kind.REPAIR))
                .withAction(1, goal(Kind.STATUS))
                .withAction(1, goal(Kind.DROP))
                .withAction(1, goal(Kind.RESET))
                .withAction(2, goCli())
                .withMaxTransformations(length);
    }

    private interface FileChange {
        void apply(World world, int pick);
    }

    private static Action.Dependent<World> addHigher() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(World w) {
                return w.model.files.size() < MAX_FILES;
            }

            @Override
            public Arbitrary<Transformer<World>> transformer(World w) {
                return Combinators.combine(Arbitraries.integers().between(1, 10), Arbitraries.integers().between(-1, 1),
                        Arbitraries.integers().between(-1, 1), Arbitraries.integers().between(0, 3)).as(
                        (gap, failUp, failDown, notx) -> Transformer.mutate("add a new higher version", world -> {
                            RUN.incrementAndGet();
                            world.open();
                            long max = world.model.files.isEmpty() ? 0 : world.model.files.lastKey();
                            // a third of new files fail at a seeded point, up or down
                            boolean fails = gap % 3 == 0;
                            world.addFile(max + 10L * gap, fails ? failUp : -1, fails ? failDown : -1, notx == 0);
                        }));
            }
        };
    }

    private static void addLower(World w, int pick) {
        long max = w.model.files.isEmpty() ? 0 : w.model.files.lastKey();
        List<Long> free = new ArrayList<>();
        for (long v = 1; v < max; v++) {
            if (!w.model.files.containsKey(v)) {
                free.add(v);
            }
        }
        if (free.isEmpty() || w.model.files.size() >= MAX_FILES) {
            w.step("(no room for a lower version)");
            return;
        }
        w.addFile(free.get(Math.floorMod(pick, free.size())), -1, -1, false);
    }

    private static long pickVersion(World w, int pick) {
        List<Long> versions = new ArrayList<>(w.model.files.keySet());
        return versions.get(Math.floorMod(pick, versions.size()));
    }

    private static Action.Dependent<World> fileChange(String what, FileChange change) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(World w) {
                return !w.model.files.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<World>> transformer(World w) {
                return Arbitraries.integers().between(0, 1000).map(pick -> Transformer.mutate(what, world -> {
                    RUN.incrementAndGet();
                    world.open();
                    if (world.model.files.isEmpty()) {
                        world.step("(no file to change)");
                    } else {
                        change.apply(world, pick);
                    }
                }));
            }
        };
    }

    /** A goal with parameters drawn from the current files: versions that exist, 0, or one that does not. */
    private static Action.Dependent<World> goal(Kind kind) {
        return w -> Combinators.combine(Arbitraries.integers().between(-1, 3), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 19), Arbitraries.of(Answer.values())).as(
                (steps, pick, flags, answer) -> Transformer.mutate(kind.name().toLowerCase(), world -> {
                    RUN.incrementAndGet();
                    world.open();
                    world.plugin(goalFor(world, kind, steps, pick, flags, answer));
                }));
    }

    private static Goal goalFor(World w, Kind kind, int steps, int pick, int flags, Answer drawn) {
        List<Long> versions = new ArrayList<>(List.of(0L));
        versions.addAll(w.model.files.keySet());
        if (kind == Kind.GOTO) {
            versions.add(w.model.files.isEmpty() ? 5L : w.model.files.lastKey() + 5);
        }
        Long version = kind == Kind.GOTO || kind == Kind.FORCE ? versions.get(Math.floorMod(pick, versions.size())) : null;
        // half of the destructive goals are confirmed with the flag; the rest split between yes, no and no console
        Answer answer = flags % 2 == 0 ? Answer.CONFIRM_FLAG : drawn;
        boolean dryRun = (kind == Kind.UP || kind == Kind.DOWN || kind == Kind.GOTO || kind == Kind.REPAIR) && flags % 7 == 3;
        return new Goal(kind, steps <= 0 || kind != Kind.UP && kind != Kind.DOWN ? null : steps, version,
                kind == Kind.UP && flags % 4 == 1, kind == Kind.UP && flags % 5 == 2, dryRun,
                kind == Kind.UP || kind == Kind.STATUS ? Answer.NO_CONSOLE : answer);
    }

    private static Action.Dependent<World> goCli() {
        return w -> Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 1000))
                .as((which, pick) -> Transformer.mutate("go cli", world -> {
                    RUN.incrementAndGet();
                    world.open();
                    switch (which) {
                        case 0, 1 -> world.goCli("up" + (which == 0 ? "" : " 1"), go -> go.up(which == 0 ? null : 1));
                        case 2, 3 -> world.goCli("down " + (which - 1), go -> go.down(which - 1));
                        default -> {
                            List<Long> versions = new ArrayList<>(List.of(-1L));
                            versions.addAll(world.model.files.keySet());
                            long v = versions.get(Math.floorMod(pick, versions.size()));
                            world.goCli("force " + v, go -> go.force(v));
                        }
                    }
                }));
    }
}
