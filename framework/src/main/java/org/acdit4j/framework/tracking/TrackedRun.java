package org.acdit4j.framework.tracking;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One open run of a {@link Tracker}. Implementations buffer metrics; nothing here throws because a remote
 * store went away mid-run: what could not be delivered is reported by {@link #undelivered()} and logged when
 * the run ends.
 */
public interface TrackedRun {

    /** The store's id of this run (32 lowercase hex characters for MLflow). */
    String runId();

    /** The id of the experiment this run belongs to. */
    String experimentId();

    /**
     * The largest step of each metric the store held for this run when it was opened: {@link LoggedSteps#NONE} for a
     * started run, the end of each history for a resumed one.
     */
    LoggedSteps loggedSteps();

    /** Logs params; a param is immutable once logged (logging the same value again is allowed). */
    void logParams(Map<String, String> params);

    /** Sets (or overwrites) tags. */
    void setTags(Map<String, String> tags);

    /** Records one metric value at a training step; the timestamp is taken from the tracker's clock. */
    void logMetric(String key, double value, long step);

    /**
     * Copies a local regular file into the run's artifacts, into the folder {@code artifactPath} (relative,
     * no {@code ..}; empty or {@code null} for the artifact root), keeping the file's name.
     */
    void logArtifact(Path file, String artifactPath);

    /** Sends anything buffered; called by {@link #end} too. */
    void flush();

    /** Flushes, then records the terminal status and the end time. */
    void end(RunStatus status);

    /**
     * What could not be delivered to the store so far, one human-readable line per group (for example
     * "120 metric points of loss, acc (steps 300..420)"); empty when everything arrived.
     */
    default List<String> undelivered() {
        return List.of();
    }
}
