package org.acdit4j.model.core.train;

import org.bytedeco.javacpp.Pointer;

/**
 * When training calls {@code System.gc()}. ND4J frees an array's native memory when Java collects the array, so an
 * array a step does not free itself stays resident until a collection. Training frees its gradients and the arrays
 * it feeds at once, so a step leaves about a megabyte behind (docs/PERFORMANCE.md, fifteenth round), and a full
 * collection (50–80 ms on these VMs) every step or few steps cost more than that garbage: a collection follows when
 * the resident set has grown by {@link #GROWTH_BYTES} since the last one, and at the latest {@link #MAX_STEPS}
 * steps after it. The first step collects too: a model trained after another in the same JVM would otherwise keep
 * the other's arrays (3.5 GiB of kept intermediates at the reference model) as garbage beside its own.
 */
public final class CollectionSchedule {

    /** Growth of the resident set since the last collection that calls for the next. */
    static final long GROWTH_BYTES = 64L << 20;
    /** Steps after which a collection follows whatever the growth. */
    static final int MAX_STEPS = 50;

    private long residentAfterLast = -1;
    private int stepsSinceLast;

    /** Called after every training step: collects if one is due, and returns whether it did. */
    public boolean afterStep() {
        stepsSinceLast++;
        boolean first = residentAfterLast < 0;
        if (!first && stepsSinceLast < MAX_STEPS && Pointer.physicalBytes() - residentAfterLast < GROWTH_BYTES) {
            return false;
        }
        System.gc();
        stepsSinceLast = 0;
        residentAfterLast = Pointer.physicalBytes();
        return true;
    }
}
