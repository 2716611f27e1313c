package org.acdit4j.model.core.execution;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees the arrays a call's feeds were made of. ND4J frees native memory only when Java collects an array otherwise,
 * and the feeds of a training step were most of what it left behind (the timestep features alone 12.6 MB at the 32×32
 * reference model; docs/PERFORMANCE.md, fifteenth round).
 */
public final class FeedArrays {

    private FeedArrays() {
    }

    /** Closes every array of {@code feeds} but those of {@code kept} (compared by identity: cached tables). */
    public static void free(List<Map<String, INDArray>> feeds, Collection<INDArray> kept) {
        Set<INDArray> cached = Collections.newSetFromMap(new IdentityHashMap<>());
        cached.addAll(kept);
        for (Map<String, INDArray> feed : feeds) {
            for (INDArray array : feed.values()) {
                if (!cached.contains(array) && array.closeable()) {
                    array.close();
                }
            }
        }
    }
}
