package org.acdit4j.framework.data;

import java.util.Arrays;

/**
 * A batch of labelled examples held as one flat float array in (N, T, C, H, W) order (T = 1 for
 * images), pixel values in [-1, 1]. The arrays are owned by the batch: callers must not mutate them.
 */
public record ImageBatch(Geometry geometry, float[] pixels, int[] labels) {

    public ImageBatch {
        if (pixels.length != (long) labels.length * geometry.valuesPerExample()) {
            throw new IllegalArgumentException("batch of " + labels.length + " examples of " + geometry
                    + " needs " + (long) labels.length * geometry.valuesPerExample() + " values, got " + pixels.length);
        }
    }

    public int size() {
        return labels.length;
    }

    /** The pixels of example {@code i}, a copy. */
    public float[] example(int i) {
        int n = geometry.valuesPerExample();
        return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }
}
