package org.acdit4j.tracking;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.acdit4j.framework.run.Provenance;

/**
 * Where runs are started from, for MLflow's system tags: the user, the program ({@code mlflow.source.name},
 * type {@code LOCAL}) and the git checkout.
 *
 * @param user       {@code mlflow.user}
 * @param sourceName {@code mlflow.source.name}: the main class or jar, never the command-line arguments
 * @param git        the git checkout, or {@code null} outside one
 */
public record RunSource(String user, String sourceName, Provenance.Checkout git) {

    public static final String RUN_NAME = "mlflow.runName";
    public static final String PARENT_RUN_ID = "mlflow.parentRunId";
    public static final String USER = "mlflow.user";
    public static final String SOURCE_NAME = "mlflow.source.name";
    public static final String SOURCE_TYPE = "mlflow.source.type";
    public static final String GIT_COMMIT = "mlflow.source.git.commit";
    public static final String GIT_BRANCH = "mlflow.source.git.branch";
    public static final String GIT_REPO_URL = "mlflow.source.git.repoURL";
    public static final String NOTE = "mlflow.note.content";

    /**
     * Detects the user (environment {@code USER}, else the {@code user.name} property), the program (the first
     * word of {@code sun.java.command}) and the git checkout containing {@code workingDir}.
     */
    public static RunSource detect(Path workingDir, Map<String, String> environment) {
        String user = environment.getOrDefault("USER", System.getProperty("user.name", "unknown"));
        String command = System.getProperty("sun.java.command", "").trim();
        String program = command.isEmpty() ? "java" : command.split("\\s+")[0];
        return new RunSource(user, program, Provenance.checkout(workingDir).orElse(null));
    }

    /**
     * The tags a new run starts with: system tags first, then the caller's tags (which win), then the run
     * name, the parent and the description.
     */
    public Map<String, String> tagsFor(String runName, String parentRunId, Map<String, String> extraTags,
                                       String description) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(USER, user);
        tags.put(SOURCE_NAME, sourceName);
        tags.put(SOURCE_TYPE, "LOCAL");
        if (git != null) {
            tags.put(GIT_COMMIT, git.commit());
            if (git.branch() != null) {
                tags.put(GIT_BRANCH, git.branch());
            }
            if (git.repoUrl() != null) {
                tags.put(GIT_REPO_URL, git.repoUrl());
            }
        }
        tags.putAll(extraTags);
        tags.put(RUN_NAME, runName);
        if (parentRunId != null) {
            tags.put(PARENT_RUN_ID, parentRunId);
        }
        if (description != null) {
            tags.put(NOTE, description);
        }
        tags.forEach((key, value) -> {
            TrackingKeys.requireValidKey("tag", key);
            TrackingKeys.requireTagValue(key, value);
        });
        return tags;
    }
}
