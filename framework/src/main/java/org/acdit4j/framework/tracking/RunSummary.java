package org.acdit4j.framework.tracking;

import java.util.Map;

/**
 * A run as listed from a tracking store, with the latest value of each metric (MLflow's rule: the value at
 * the largest step, then the latest timestamp).
 *
 * @param parentRunId the {@code mlflow.parentRunId} tag, or {@code null} for a top-level run
 * @param latestStep  the largest step at which any metric of the run was logged, 0 when it has none
 */
public record RunSummary(String runId, String runName, RunStatus status, String parentRunId,
                         Map<String, String> params, Map<String, String> tags, Map<String, Double> latestMetrics,
                         long latestStep) {

    public RunSummary {
        params = Map.copyOf(params);
        tags = Map.copyOf(tags);
        latestMetrics = Map.copyOf(latestMetrics);
    }
}
