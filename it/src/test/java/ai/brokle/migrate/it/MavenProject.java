package ai.brokle.migrate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A copy of one project under {@code it/src/it}, built with a real {@code mvn} process against the plugin the
 * reactor just installed. Each run's output is kept as {@code build.log} (and {@code build-N.log}) in the copy.
 */
final class MavenProject {

    private static final AtomicInteger COPIES = new AtomicInteger();
    static final Path REPO_ROOT = Path.of(System.getProperty("it.repoRoot", "..")).toAbsolutePath().normalize();

    final Path dir;
    private final Map<String, String> environment = new HashMap<>();
    private String mavenHome = System.getProperty("it.mavenHome", "/usr/share/maven");
    private int runs;

    private MavenProject(Path dir) {
        this.dir = dir;
    }

    /** Copies {@code it/src/it/<name>} to a fresh work directory, filling in the plugin version. */
    static MavenProject copyOf(String name) {
        Path source = Path.of(System.getProperty("it.projects", "src/it")).resolve(name);
        Path target = Path.of(System.getProperty("it.work", "target/it"))
                .resolve(name + "-" + COPIES.incrementAndGet() + "-" + ProcessHandle.current().pid());
        copyTree(source, target);
        MavenProject project = new MavenProject(target);
        project.filter("pom.xml");
        return project;
    }

    /** How many migrations the repository's sample directory (e.g. {@code migrations/clickhouse}) holds. */
    static int sampleMigrationCount(String directory) {
        try (Stream<Path> files = Files.list(REPO_ROOT.resolve(directory))) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".up.sql")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the repository's sample migrations (and seeds) into the project. */
    MavenProject withSampleMigrations() {
        copyTree(REPO_ROOT.resolve("migrations"), dir.resolve("migrations"));
        copyTree(REPO_ROOT.resolve("seeds"), dir.resolve("seeds"));
        return this;
    }

    /** Runs later builds with another Maven installation. */
    MavenProject withMaven(Path home) {
        this.mavenHome = home.toString();
        return this;
    }

    MavenProject env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    void write(String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code mvn -B <args>} in the project; returns its exit code and output. */
    BuildResult run(String... args) {
        Running running = start(args);
        return running.await(5, TimeUnit.MINUTES);
    }

    /** Starts {@code mvn -B <args>} in the project without waiting, e.g. to kill it or to run two at once. */
    Running start(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(mavenHome, "bin", "mvn").toString());
        command.add("-B");
        command.add("-ntp");
        String localRepository = System.getProperty("it.localRepository");
        if (localRepository != null) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.addAll(List.of(args));
        Path log = dir.resolve(runs++ == 0 ? "build.log" : "build-" + runs + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        for (String inherited : List.of("DATABASE_URL", "CLICKHOUSE_URL", "DATABASE_MIGRATIONS_PATH",
                "CLICKHOUSE_MIGRATIONS_PATH", "MAVEN_OPTS", "MAVEN_ARGS")) {
            env.remove(inherited);
        }
        env.put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -Xshare:auto");
        env.putAll(environment);
        try {
            return new Running(builder.start(), log, String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void filter(String relative) {
        Path file = dir.resolve(relative);
        try {
            String text = Files.readString(file);
            Files.writeString(file, text.replace("@project.version@", System.getProperty("it.pluginVersion",
                    "0.1.0-SNAPSHOT")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A started {@code mvn} process (the {@code mvn} script, whose child is the Maven JVM) and its log file. */
    record Running(Process process, Path logFile, String args) {

        /** The log written so far. */
        String log() {
            try {
                return Files.readString(logFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        BuildResult await(long timeout, TimeUnit unit) {
            try {
                if (!process.waitFor(timeout, unit)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError("mvn " + args + " did not finish in " + timeout + " " + unit
                            + "; see " + logFile);
                }
                return new BuildResult(process.exitValue(), log(), logFile);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The outcome of one {@code mvn} run. */
    record BuildResult(int exitCode, String log, Path logFile) {

        BuildResult assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("expected BUILD SUCCESS, got exit " + exitCode + "; " + logFile + ":\n" + tail());
            }
            return this;
        }

        BuildResult assertFailure() {
            if (exitCode == 0) {
                throw new AssertionError("expected the build to fail; " + logFile + ":\n" + tail());
            }
            return this;
        }

        BuildResult assertLogContains(String text) {
            if (!log.contains(text)) {
                throw new AssertionError("build.log lacks \"" + text + "\"; " + logFile + ":\n" + tail());
            }
            return this;
        }

        BuildResult assertLogLacks(String text) {
            if (log.contains(text)) {
                throw new AssertionError("build.log must not contain \"" + text + "\"; " + logFile);
            }
            return this;
        }

        private String tail() {
            String[] lines = log.split("\n");
            return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
        }
    }
}
