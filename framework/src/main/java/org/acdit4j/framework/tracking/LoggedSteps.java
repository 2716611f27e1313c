package org.acdit4j.framework.tracking;

import java.util.Map;

/**
 * Where the metric histories of a reopened run end in its store: the largest step stored for each metric key. A run
 * resumed from a checkpoint trains the steps after the checkpoint again; those up to here were logged before the
 * interruption and, since MLflow's metric histories only grow, must not be logged a second time.
 *
 * @param lastStepByKey metric key → the largest step stored for it
 */
public record LoggedSteps(Map<String, Long> lastStepByKey) {

    /** A new run: every point is new. */
    public static final LoggedSteps NONE = new LoggedSteps(Map.of());

    public LoggedSteps {
        lastStepByKey = Map.copyOf(lastStepByKey);
    }

    /** True when a point of {@code key} at {@code step} lies past what the store holds for that key. */
    public boolean isNew(String key, long step) {
        Long last = lastStepByKey.get(key);
        return last == null || step > last;
    }
}
