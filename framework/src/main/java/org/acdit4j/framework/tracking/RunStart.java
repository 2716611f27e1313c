package org.acdit4j.framework.tracking;

import java.util.Map;

/**
 * What is needed to open a tracked run.
 *
 * @param experimentName experiment to log under (created when missing)
 * @param runName        human-readable run name ({@code mlflow.runName})
 * @param parentRunId    id of the sweep's parent run, or {@code null} for a top-level run
 * @param tags           extra tags (they win over the system tags the tracker sets)
 * @param description    free text shown as the run's note ({@code mlflow.note.content}), or {@code null}
 */
public record RunStart(String experimentName, String runName, String parentRunId, Map<String, String> tags,
                       String description) {

    public RunStart {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A top-level run without extra tags or description. */
    public static RunStart of(String experimentName, String runName) {
        return new RunStart(experimentName, runName, null, Map.of(), null);
    }
}
