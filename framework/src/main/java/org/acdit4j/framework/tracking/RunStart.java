package org.acdit4j.framework.tracking;

import java.util.Map;

/**
 * What is needed to open a tracked run.
 *
 * @param experimentName experiment to log under (created when missing)
 * @param runName        human-readable run name ({@code mlflow.runName})
 * @param parentRunId    id of the sweep's parent run, or {@code null} for a top-level run
 * @param tags           extra tags
 * @param description    free text shown as the run's note, or {@code null}
 */
public record RunStart(String experimentName, String runName, String parentRunId, Map<String, String> tags,
                       String description) {

    public RunStart {
        tags = Map.copyOf(tags);
    }
}
