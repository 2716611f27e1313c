package org.acdit4j.evaluators.sampling;

import java.util.SplittableRandom;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.ImageSet;

/** A seeded random subset of real images, the reference side of sample-based metrics. */
public final class RealSubset {

    private RealSubset() {
    }

    /** {@code count} distinct examples of {@code set} (all of them, shuffled, if it holds fewer) drawn with {@code seed}. */
    public static ImageBatch draw(ImageSet set, int count, long seed) {
        int[] order = new int[set.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = Math.min(count, order.length);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] picked = new int[n];
        System.arraycopy(order, 0, picked, 0, n);
        return set.batch(picked);
    }
}
