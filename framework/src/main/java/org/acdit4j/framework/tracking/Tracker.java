package org.acdit4j.framework.tracking;

import java.util.List;

/**
 * Experiment tracking: experiments, runs (with parents), params, metrics by step, tags, artifacts and end
 * status. Implementations are chosen by tracking URI.
 */
public interface Tracker extends AutoCloseable {

    /** Where runs go, safe to print: never contains credentials. */
    String describe();

    /** Creates a run (and its experiment when missing) with the system tags of the current checkout. */
    TrackedRun startRun(RunStart start);

    /**
     * Reopens an existing run (to resume training into it); marks it RUNNING again. Its {@link TrackedRun#loggedSteps()}
     * tell where each metric's history ended when it was reopened. Points logged to it are appended as to any run (other
     * processes may log into the same run, e.g. a sweep's parent).
     */
    TrackedRun resumeRun(String runId);

    /** Active experiments of the store. */
    List<TrackedExperiment> experiments();

    /** Active runs of one experiment with their params and the latest value of each metric. */
    List<RunSummary> runs(String experimentId);

    /** Flushes every run still open; runs that were not ended stay RUNNING. */
    @Override
    void close();
}
