package org.acdit4j.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCheckoutTest {

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

        assertThat(GitCheckout.find(nested)).contains(
                new GitState(COMMIT, "feature/x", "https://github.com/org/repo.git"));
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

        assertThat(GitCheckout.find(worktree)).contains(new GitState(COMMIT, "tracking", null));
    }

    @Test
    void detachedHeadHasNoBranchAndNoCheckoutGivesNothing() throws Exception {
        Files.createDirectories(temp.resolve("d/.git"));
        Files.writeString(temp.resolve("d/.git/HEAD"), COMMIT + "\n");
        assertThat(GitCheckout.find(temp.resolve("d"))).contains(new GitState(COMMIT, null, null));
        assertThat(GitCheckout.find(Files.createDirectories(temp.resolve("plain")))
                .filter(g -> g.commit().equals(COMMIT))).isEmpty();
    }
}
