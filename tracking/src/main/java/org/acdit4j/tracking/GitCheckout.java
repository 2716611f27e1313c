package org.acdit4j.tracking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads HEAD, the current branch and the origin URL of the git checkout containing a folder, straight from
 * the {@code .git} files (plain repositories and linked worktrees), without running {@code git}.
 */
public final class GitCheckout {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    private static final String BRANCH_PREFIX = "refs/heads/";

    private GitCheckout() {
    }

    /** The git state of the checkout containing {@code folder}, or empty when there is none or it is unreadable. */
    public static Optional<GitState> find(Path folder) {
        for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.exists(dotGit)) {
                try {
                    return read(dotGit);
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<GitState> read(Path dotGit) throws IOException {
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
        return Optional.of(new GitState(commit, branch, originUrl(commonDir.resolve("config"))));
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
                    return UriRedaction.withoutUserInfo(line.substring(equals + 1).trim());
                }
            }
        }
        return null;
    }
}
