package org.acdit4j.tracking;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;

/**
 * What every MLflow run of this module does alike, whatever stores it: the ids and the logged steps, MLflow's
 * checks of keys and values before anything is stored, no logging once the run has ended, and an end that
 * needs a terminal status, flushes, happens once and then tells the tracker. Subclasses store what passed the
 * checks; every call reaches them under this run's lock.
 */
public abstract class CheckedRun implements TrackedRun {

    private final String runId;
    private final String experimentId;
    private final LoggedSteps logged;
    private final Consumer<? super CheckedRun> onEnd;
    private boolean ended;

    /** @param onEnd told once the run has ended, so that the tracker no longer flushes it on close */
    protected CheckedRun(String runId, String experimentId, LoggedSteps logged, Consumer<? super CheckedRun> onEnd) {
        this.runId = runId;
        this.experimentId = experimentId;
        this.logged = logged;
        this.onEnd = onEnd;
    }

    @Override
    public final String runId() {
        return runId;
    }

    @Override
    public final String experimentId() {
        return experimentId;
    }

    @Override
    public final LoggedSteps loggedSteps() {
        return logged;
    }

    @Override
    public final synchronized void logParams(Map<String, String> params) {
        requireOpen();
        TrackingKeys.requireValidParams(params);
        storeParams(params);
    }

    @Override
    public final synchronized void setTags(Map<String, String> tags) {
        requireOpen();
        TrackingKeys.requireValidTags(tags);
        storeTags(tags);
    }

    @Override
    public final synchronized void logMetric(String key, double value, long step) {
        requireOpen();
        TrackingKeys.requireValidKey("metric", key);
        storeMetric(key, value, step);
    }

    @Override
    public final synchronized void logArtifact(Path file, String artifactPath) {
        requireOpen();
        storeArtifact(file, artifactPath);
    }

    @Override
    public final synchronized void end(RunStatus status) {
        if (!status.isTerminal()) {
            throw new TrackingException("end status " + status + " is not terminal; allowed: FINISHED, FAILED, KILLED");
        }
        if (ended) {
            return;
        }
        flush();
        storeEnd(status);
        ended = true;
        onEnd.accept(this);
    }

    /** True once {@link #end} has completed. */
    protected final synchronized boolean hasEnded() {
        return ended;
    }

    /** The error for a param stored before with another value: params are immutable in MLflow. */
    protected final TrackingException changedParam(String key, String stored, String value) {
        return new TrackingException("param '" + key + "' of run " + runId + " was already logged as '"
                + stored + "'; params are immutable, so '" + value + "' is not allowed");
    }

    /** Stores params whose keys and values passed MLflow's checks; a param is immutable once stored. */
    protected abstract void storeParams(Map<String, String> params);

    /** Stores (or overwrites) tags whose keys and values passed MLflow's checks. */
    protected abstract void storeTags(Map<String, String> tags);

    /** Takes one metric point whose key passed MLflow's checks, buffering it as the store does. */
    protected abstract void storeMetric(String key, double value, long step);

    /** Copies {@code file} into the run's artifact folder {@code artifactPath}. */
    protected abstract void storeArtifact(Path file, String artifactPath);

    /** Records the terminal status and the end time, after everything buffered was flushed. */
    protected abstract void storeEnd(RunStatus status);

    private void requireOpen() {
        if (ended) {
            throw new TrackingException("run " + runId + " has ended; nothing more can be logged to it");
        }
    }
}
