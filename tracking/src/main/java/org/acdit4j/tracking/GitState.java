package org.acdit4j.tracking;

/**
 * The git state of the checkout a run starts from.
 *
 * @param commit  full commit hash of HEAD
 * @param branch  current branch, or {@code null} for a detached HEAD
 * @param repoUrl URL of the {@code origin} remote without user-info, or {@code null} when there is none
 */
public record GitState(String commit, String branch, String repoUrl) {
}
