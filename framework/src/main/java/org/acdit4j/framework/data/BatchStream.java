package org.acdit4j.framework.data;

import java.util.SplittableRandom;

/**
 * An endless sequence of training batches. Batch {@code k} is a pure function of (seed, k): each epoch
 * is a fresh seeded permutation and batches run across epoch boundaries, so a resumed run that asks
 * for batch k sees exactly the batch an uninterrupted run would have seen.
 */
public final class BatchStream {

    private final ImageSet set;
    private final int batchSize;
    private final long seed;
    private int cachedEpoch = -1;
    private int[] cachedPermutation;

    BatchStream(ImageSet set, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("train.batch must be >= 1, got " + batchSize);
        }
        this.set = set;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** The {@code k}-th batch (k counts from 0). */
    public ImageBatch batch(long k) {
        int[] indices = new int[batchSize];
        long position = k * batchSize;
        for (int i = 0; i < batchSize; i++, position++) {
            int epoch = (int) (position / set.size());
            indices[i] = permutation(epoch)[(int) (position % set.size())];
        }
        return set.batch(indices);
    }

    private int[] permutation(int epoch) {
        if (epoch != cachedEpoch) {
            int[] order = new int[set.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            cachedEpoch = epoch;
            cachedPermutation = order;
        }
        return cachedPermutation;
    }
}
