package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    private static final String COMMIT = "89abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path temp;

    @Test
    void readsBranchCommitAndOriginWithoutCredentialsFromAPlainRepository() throws Exception {
        Path git = Files.createDirectories(temp.resolve("repo/.git/refs/heads/feature"));
        Files.writeString(temp.resolve("repo/.git/HEAD"), "ref: refs/heads/feature/x\n");
        Files.writeString(git.resolve("x"), COMMIT + "\n");
        Files.writeString(temp.resolve("repo/.git/config"), "[core]\n\tbare = false\n[remote \"origin\"]\n"
                + "\turl = https://bob:ghp_secret@github.com/org/repo.git\n\tfetch = +refs/heads/*\n");
        Path nested = Files.createDirectories(temp.resolve("repo/sub/dir"));

        assertThat(Provenance.checkout(nested)).contains(
                new Provenance.Checkout(COMMIT, "feature/x", "https://github.com/org/repo.git"));
    }

    @Test
    void readsALinkedWorktreeWithPackedRefs() throws Exception {
        Path common = Files.createDirectories(temp.resolve("main/.git"));
        Path worktreeGit = Files.createDirectories(common.resolve("worktrees/wt"));
        Files.writeString(worktreeGit.resolve("HEAD"), "ref: refs/heads/tracking\n");
        Files.writeString(worktreeGit.resolve("commondir"), "../..\n");
        Files.writeString(common.resolve("packed-refs"), "# pack-refs with: peeled\n" + COMMIT + " refs/heads/tracking\n");
        Path worktree = Files.createDirectories(temp.resolve("wt"));
        Files.writeString(worktree.resolve(".git"), "gitdir: " + worktreeGit + "\n");

        assertThat(Provenance.checkout(worktree)).contains(new Provenance.Checkout(COMMIT, "tracking", null));
    }

    @Test
    void detachedHeadHasNoBranchAndNoCheckoutGivesNothing() throws Exception {
        Files.createDirectories(temp.resolve("d/.git"));
        Files.writeString(temp.resolve("d/.git/HEAD"), COMMIT + "\n");
        assertThat(Provenance.checkout(temp.resolve("d"))).contains(new Provenance.Checkout(COMMIT, null, null));
        assertThat(Provenance.checkout(Files.createDirectories(temp.resolve("plain")))
                .filter(g -> g.commit().equals(COMMIT))).isEmpty();
    }

    @Test
    void aFolderOutsideAnyRepositoryHasNoGitFactsButTheRest() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("plain"));
        assumeTrue(Provenance.checkout(plain).isEmpty(), "the temporary folder is inside a git checkout");

        Map<String, String> facts = Provenance.collect(plain, "test backend");

        assertThat(facts.keySet()).noneMatch(key -> key.startsWith("git."))
                .contains("host", "user", "os", "cores", "java", "backend");
        assertThat(facts).containsEntry("backend", "test backend");
    }

    @Test
    void aCheckoutGitCannotReadHasItsCommitWithDetachedHeadAndAnUnknownDirtyFlag() throws Exception {
        Files.createDirectories(temp.resolve("d/.git"));
        Files.writeString(temp.resolve("d/.git/HEAD"), COMMIT + "\n");

        assertThat(Provenance.collect(temp.resolve("d"), "b")).containsEntry("git.commit", COMMIT)
                .containsEntry("git.branch", "HEAD").containsEntry("git.dirty", "unknown")
                .doesNotContainKey("git.repoURL");
    }

    @Test
    void aRealRepositoryRecordsWhatGitSaysAndWhetherTrackedFilesChanged() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("real"));
        assumeTrue(git(repo, "init", "-q", "-b", "main") != null, "git is not installed");
        Files.writeString(repo.resolve("a.txt"), "one\n");
        git(repo, "add", "a.txt");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", "first");
        git(repo, "remote", "add", "origin", "https://bob:secret@example.org/org/repo.git");

        Map<String, String> clean = Provenance.collect(repo, "b");
        Files.writeString(repo.resolve("a.txt"), "two\n");
        Files.writeString(repo.resolve("untracked.txt"), "not counted\n");
        Map<String, String> dirty = Provenance.collect(repo, "b");

        assertThat(clean).containsEntry("git.commit", git(repo, "rev-parse", "HEAD"))
                .containsEntry("git.branch", "main").containsEntry("git.dirty", "false")
                .containsEntry("git.repoURL", "https://example.org/org/repo.git");
        assertThat(dirty).containsEntry("git.dirty", "true");
    }

    /** Runs git in {@code repo}; its trimmed output, or {@code null} when git is missing or fails. */
    private static String git(Path repo, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }
}
