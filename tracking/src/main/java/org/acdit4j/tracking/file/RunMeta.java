package org.acdit4j.tracking.file;

import org.acdit4j.framework.tracking.RunStatus;

/**
 * The fields of a run's {@code meta.yaml} in MLflow's file store.
 *
 * @param endTime     end time in epoch milliseconds, {@code null} while running
 * @param artifactUri absolute {@code file://} URI of the run's artifact folder
 */
record RunMeta(String runId, String runName, String experimentId, String userId, RunStatus status,
               long startTime, Long endTime, String artifactUri, String lifecycleStage) {

    RunMeta withStatus(RunStatus newStatus, Long newEndTime) {
        return new RunMeta(runId, runName, experimentId, userId, newStatus, startTime, newEndTime, artifactUri,
                lifecycleStage);
    }

    RunMeta withRunName(String newRunName) {
        return new RunMeta(runId, newRunName, experimentId, userId, status, startTime, endTime, artifactUri,
                lifecycleStage);
    }
}
