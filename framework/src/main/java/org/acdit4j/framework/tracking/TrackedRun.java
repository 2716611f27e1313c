package org.acdit4j.framework.tracking;

import java.nio.file.Path;
import java.util.Map;

/** One open run of a {@link Tracker}. */
public interface TrackedRun {

    String runId();

    String experimentId();

    void logParams(Map<String, String> params);

    void setTags(Map<String, String> tags);

    void logMetric(String key, double value, long step);

    /** Copies a local file into the run's artifacts under {@code artifactPath} (relative, no {@code ..}). */
    void logArtifact(Path file, String artifactPath);

    /** Sends anything buffered; called by {@link #end} too. */
    void flush();

    void end(RunStatus status);
}
