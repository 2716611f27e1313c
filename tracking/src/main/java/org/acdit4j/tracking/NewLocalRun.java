package org.acdit4j.tracking;

import java.util.Map;
import java.util.UUID;

import org.acdit4j.framework.tracking.RunStart;

/**
 * A run a store on this machine is about to create, named as MLflow's own stores name it: a random id of 32
 * lowercase hex characters, the requested name or else {@code run-} and the id's first eight characters, and
 * the tags it starts with (see {@link RunSource#tagsFor}).
 */
public record NewLocalRun(String experimentName, String runId, String runName, Map<String, String> tags) {

    /** Checks the experiment name and names the run {@code start} asks for. */
    public static NewLocalRun of(RunStart start, RunSource source) {
        String experimentName = TrackingKeys.requireExperimentName(start.experimentName());
        String runId = UUID.randomUUID().toString().replace("-", "");
        String runName = start.runName() == null || start.runName().isBlank()
                ? "run-" + runId.substring(0, 8) : start.runName();
        return new NewLocalRun(experimentName, runId, runName,
                source.tagsFor(runName, start.parentRunId(), start.tags(), start.description()));
    }
}
