package org.acdit4j.framework.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.acdit4j.framework.tracking.RunStatus;
import java.util.Map;

/**
 * The content of a run folder's {@code run.json}: status and heartbeat, progress, tracker ids,
 * provenance (git, host, versions, backend), final metrics, and the reason of a failure.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
        String experiment,
        String run,
        int index,
        long seed,
        String preset,
        Map<String, String> assignments,
        RunStatus status,
        String started,
        String heartbeat,
        String ended,
        long step,
        long steps,
        Double lastLoss,
        String trackerRunId,
        String parentRunId,
        String failure,
        Map<String, String> provenance,
        Map<String, Double> metrics) {

    public RunRecord withStatus(RunStatus newStatus, String time) {
        return new RunRecord(experiment, run, index, seed, preset, assignments, newStatus, started, time, newStatus == RunStatus.RUNNING
                ? null : time, step, steps, lastLoss, trackerRunId, parentRunId, failure, provenance, metrics);
    }

    public RunRecord withProgress(long newStep, Double loss, String time) {
        return new RunRecord(experiment, run, index, seed, preset, assignments, status, started, time, ended, newStep, steps, loss,
                trackerRunId, parentRunId, failure, provenance, metrics);
    }

    public RunRecord withFailure(String reason) {
        return new RunRecord(experiment, run, index, seed, preset, assignments, status, started, heartbeat, ended, step, steps, lastLoss,
                trackerRunId, parentRunId, reason, provenance, metrics);
    }

    public RunRecord withTracker(String runId, String parent) {
        return new RunRecord(experiment, run, index, seed, preset, assignments, status, started, heartbeat, ended, step, steps, lastLoss,
                runId, parent, failure, provenance, metrics);
    }

    public RunRecord withMetrics(Map<String, Double> values) {
        return new RunRecord(experiment, run, index, seed, preset, assignments, status, started, heartbeat, ended, step, steps, lastLoss,
                trackerRunId, parentRunId, failure, provenance, Map.copyOf(values));
    }

    public RunRecord started(String time, Map<String, String> runProvenance) {
        return new RunRecord(experiment, run, index, seed, preset, assignments, RunStatus.RUNNING, started == null ? time : started,
                time, null, step, steps, lastLoss, trackerRunId, parentRunId, null, Map.copyOf(runProvenance), metrics);
    }
}
