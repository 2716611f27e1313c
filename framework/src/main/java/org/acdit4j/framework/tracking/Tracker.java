package org.acdit4j.framework.tracking;

import java.util.List;

/**
 * Experiment tracking: experiments, runs (with parents), params, metrics by step, tags, artifacts and end
 * status. Implementations are chosen by tracking URI.
 */
public interface Tracker extends AutoCloseable {

    /** Where runs go, safe to print: never contains credentials. */
    String describe();

    TrackedRun startRun(RunStart start);

    /** Reopens an existing run (to resume training into it); marks it RUNNING again. */
    TrackedRun resumeRun(String runId);

    List<TrackedExperiment> experiments();

    List<RunSummary> runs(String experimentId);

    @Override
    void close();
}
