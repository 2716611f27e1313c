package org.acdit4j.tracking;

import java.util.Map;

/**
 * The last step each metric of a resumed run already holds in its store. The resumed run continues every history
 * from there: a point at or before that step was logged before the interruption (a run resumed from a checkpoint
 * trains those steps again) and is not logged a second time, since MLflow's metric histories only grow.
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
