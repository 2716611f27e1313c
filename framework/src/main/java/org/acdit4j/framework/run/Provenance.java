package org.acdit4j.framework.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Where a run came from: git commit, branch, dirty flag and remote of the source checkout, host, user,
 * OS, Java, and the compute backend. Collected once per process.
 *
 * <p>The checkout is read from the {@code .git} files themselves (plain repositories and linked worktrees), so
 * commit, branch and remote are known without a {@code git} binary; only the dirty flag asks {@code git status},
 * and is {@code unknown} when that cannot answer.
 */
public final class Provenance {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]*@");
    private static final String BRANCH_PREFIX = "refs/heads/";

    /**
     * The git checkout a folder is in.
     *
     * @param commit  full commit hash of HEAD
     * @param branch  current branch, or {@code null} for a detached HEAD
     * @param repoUrl URL of the {@code origin} remote without user-info, or {@code null} when there is none
     */
    public record Checkout(String commit, String branch, String repoUrl) {
    }

    private Provenance() {
    }

    /**
     * @param sourceRoot the project checkout (for git); may be outside any repository
     * @param backend    description of the compute backend, e.g. {@code CpuBackend nd4j 1.0.0-M2.1 onednn-avx2}
     */
    public static Map<String, String> collect(Path sourceRoot, String backend) {
        Map<String, String> facts = new LinkedHashMap<>();
        checkout(sourceRoot).ifPresent(git -> {
            facts.put("git.commit", git.commit());
            facts.put("git.branch", git.branch() == null ? "HEAD" : git.branch());
            facts.put("git.dirty", dirty(sourceRoot));
            if (git.repoUrl() != null) {
                facts.put("git.repoURL", git.repoUrl());
            }
        });
        facts.put("host", hostName());
        facts.put("user", System.getProperty("user.name"));
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        facts.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("java", System.getProperty("java.version") + " " + System.getProperty("java.vendor"));
        facts.put("backend", backend);
        return facts;
    }

    /**
     * The git checkout containing {@code folder} (or a folder above it), read without running {@code git}; empty when
     * there is none or its {@code .git} cannot be read.
     */
    public static Optional<Checkout> checkout(Path folder) {
        for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.exists(dotGit)) {
                try {
                    return readCheckout(dotGit);
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Checkout> readCheckout(Path dotGit) throws IOException {
        Path gitDir = dotGit;
        if (Files.isRegularFile(dotGit)) {
            String pointer = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
            if (!pointer.startsWith("gitdir:")) {
                return Optional.empty();
            }
            gitDir = dotGit.getParent().resolve(pointer.substring("gitdir:".length()).trim()).normalize();
        }
        Path commonDir = gitDir;
        Path commonDirFile = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonDirFile)) {
            commonDir = gitDir.resolve(Files.readString(commonDirFile, StandardCharsets.UTF_8).trim()).normalize();
        }
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        String branch = null;
        String commit;
        if (head.startsWith("ref:")) {
            String ref = head.substring(4).trim();
            branch = ref.startsWith(BRANCH_PREFIX) ? ref.substring(BRANCH_PREFIX.length()) : ref;
            commit = resolveRef(gitDir, commonDir, ref);
        } else {
            commit = head;
        }
        if (commit == null || !COMMIT.matcher(commit).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Checkout(commit, branch, originUrl(commonDir.resolve("config"))));
    }

    private static String resolveRef(Path gitDir, Path commonDir, String ref) throws IOException {
        for (Path base : List.of(gitDir, commonDir)) {
            Path loose = base.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return Files.readString(loose, StandardCharsets.UTF_8).trim();
            }
        }
        Path packed = commonDir.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2 && parts[1].equals(ref)) {
                    return parts[0];
                }
            }
        }
        return null;
    }

    private static String originUrl(Path config) throws IOException {
        if (!Files.isRegularFile(config)) {
            return null;
        }
        boolean inOrigin = false;
        for (String raw : Files.readAllLines(config, StandardCharsets.UTF_8)) {
            String line = raw.trim();
            if (line.startsWith("[")) {
                inOrigin = line.replace(" ", "").equals("[remote\"origin\"]");
            } else if (inOrigin && line.startsWith("url")) {
                int equals = line.indexOf('=');
                if (equals > 0 && line.substring(0, equals).trim().equals("url")) {
                    return USER_INFO.matcher(line.substring(equals + 1).trim()).replaceAll("");
                }
            }
        }
        return null;
    }

    /** "true" when tracked files differ from HEAD, "false" when not, "unknown" when {@code git status} cannot tell. */
    private static String dirty(Path root) {
        List<String> command = List.of("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no");
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "unknown";
            }
            return process.exitValue() == 0 ? String.valueOf(!out.isEmpty()) : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
