package org.acdit4j.model.core.train;

import org.acdit4j.model.core.HostRandom;

/** Classifier-free guidance's label dropout on the host (SameDiff's dropout throws in M2.1). */
public final class LabelDropout {

    private LabelDropout() {
    }

    /**
     * A copy of {@code labels} in which each label is replaced by {@code nullLabel} with {@code probability}, one
     * draw of {@code random} per label in order.
     */
    public static int[] apply(int[] labels, double probability, int nullLabel, HostRandom random) {
        int[] dropped = labels.clone();
        for (int i = 0; i < dropped.length; i++) {
            if (random.nextDouble() < probability) {
                dropped[i] = nullLabel;
            }
        }
        return dropped;
    }
}
