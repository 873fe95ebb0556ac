package ai.brokle.migrate.lint;

import ai.brokle.migrate.Failures;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.source.MigrationDirectory;
import ai.brokle.migrate.source.MigrationFileName;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The history rules, from git: files added since a ref below a version that existed at the ref (GEN010), and files
 * that existed at the ref and were changed or deleted since (GEN011). Git runs as a process in the directory.
 */
record History(Path dir, String ref) {

    void check(MigrationDirectory.Scan scan, Findings findings) {
        requireRepository();
        Map<String, String> atRef = filesAtRef();
        Map<String, Path> now = new TreeMap<>();
        for (Migration m : scan.migrations()) {
            now.put(m.upFile().getFileName().toString(), m.upFile());
            if (m.downFile() != null) {
                now.put(m.downFile().getFileName().toString(), m.downFile());
            }
        }
        long newestAtRef = atRef.keySet().stream().map(MigrationFileName::parse).flatMap(Optional::stream)
                .mapToLong(MigrationFileName::version).max().orElse(Long.MIN_VALUE);
        List<String> kept = now.keySet().stream().filter(atRef::containsKey).toList();
        Map<String, String> hashes = hashes(kept.stream().map(now::get).toList(), kept);
        for (Map.Entry<String, Path> file : now.entrySet()) {
            String name = file.getKey();
            if (!atRef.containsKey(name)) {
                MigrationFileName.parse(name).filter(n -> n.version() < newestAtRef).ifPresent(n ->
                        findings.add(GenericRules.ADDED_BELOW, file.getValue(), 0, "added since " + ref + " with version "
                                + n.version() + ", below " + newestAtRef + " which existed at " + ref + ".", Set.of()));
            } else if (!atRef.get(name).equals(hashes.get(name))) {
                findings.add(GenericRules.EDITED, file.getValue(), 0, "changed since " + ref
                        + " (git diff " + ref + " -- " + name + " shows how).", Set.of());
            }
        }
        for (String name : atRef.keySet()) {
            if (!now.containsKey(name) && MigrationFileName.parse(name).isPresent()) {
                findings.add(GenericRules.EDITED, dir.resolve(name), 0, "existed at " + ref + " and is gone.",
                        Set.of());
            }
        }
    }

    private void requireRepository() {
        Result inside = git(null, "rev-parse", "--is-inside-work-tree");
        if (inside.code != 0 || !inside.out.strip().equals("true")) {
            throw new LintSetupException("brokle.migrate.since=" + ref + ": " + dir + " is not in a git repository ("
                    + Failures.firstLine(inside.err.strip()) + "). Run validate inside the repository, or leave out "
                    + "-Dbrokle.migrate.since.");
        }
        Result commit = git(null, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        if (commit.code != 0) {
            throw new LintSetupException("brokle.migrate.since=" + ref + " is not a commit git knows in " + dir
                    + ". Give a branch, tag or commit, e.g. -Dbrokle.migrate.since=origin/main (git fetch first).");
        }
    }

    /** File name → blob id of the .sql files of the directory at the ref. */
    private Map<String, String> filesAtRef() {
        Result tree = git(null, "ls-tree", ref, "--", ".");
        if (tree.code != 0) {
            throw new LintSetupException("git ls-tree " + ref + " failed in " + dir + ": "
                    + Failures.firstLine(tree.err.strip()) + ". Check that " + ref + " is a commit of this repository.");
        }
        Map<String, String> files = new HashMap<>();
        for (String line : tree.out.split("\n")) {
            int tab = line.indexOf('\t');
            String[] meta = tab < 0 ? new String[0] : line.substring(0, tab).split(" ");
            if (meta.length == 3 && meta[1].equals("blob")) {
                String name = line.substring(tab + 1);
                if (!name.contains("/") && MigrationFileName.isCandidate(name)) {
                    files.put(name, meta[2]);
                }
            }
        }
        return files;
    }

    /** File name → the blob id git would give the file as it is now. */
    private Map<String, String> hashes(List<Path> files, List<String> names) {
        Map<String, String> hashes = new HashMap<>();
        if (files.isEmpty()) {
            return hashes;
        }
        StringBuilder paths = new StringBuilder();
        files.forEach(f -> paths.append(f.toAbsolutePath()).append('\n'));
        Result result = git(paths.toString(), "hash-object", "--stdin-paths");
        String[] ids = result.out.split("\n");
        if (result.code != 0 || ids.length != files.size()) {
            throw new LintSetupException("git hash-object failed in " + dir + ": "
                    + Failures.firstLine(result.err.strip()) + ". Check that the migration files are readable.");
        }
        for (int i = 0; i < ids.length; i++) {
            hashes.put(names.get(i), ids[i].strip());
        }
        return hashes;
    }

    private record Result(int code, String out, String err) {
    }

    private Result git(String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LintSetupException("git " + String.join(" ", args) + " did not finish within 60 s in " + dir
                        + ". Check the repository (git status), then retry.");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new LintSetupException("brokle.migrate.since needs git, which cannot be run (" + e.getMessage()
                    + "). Install git and put it on the PATH, or leave out -Dbrokle.migrate.since.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LintSetupException("interrupted while running git in " + dir + ". Retry.");
        }
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
