package org.acdit4j.framework.data;

import java.util.Arrays;

/**
 * One split of a dataset held in memory as 8-bit pixel values (N, T, C, H, W) and labels. Batches are
 * converted to floats in [-1, 1] on demand, which keeps 60,000 images at 61 MB instead of 245 MB.
 */
public final class ImageSet {

    private final Geometry geometry;
    private final byte[] values;
    private final int[] labels;

    public ImageSet(Geometry geometry, byte[] values, int[] labels) {
        if (values.length != (long) labels.length * geometry.valuesPerExample()) {
            throw new IllegalArgumentException(labels.length + " examples of " + geometry + " need "
                    + (long) labels.length * geometry.valuesPerExample() + " values, got " + values.length);
        }
        for (int label : labels) {
            if (label < 0 || label >= geometry.classes()) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (geometry.classes() - 1));
            }
        }
        this.geometry = geometry;
        this.values = values;
        this.labels = labels;
    }

    public Geometry geometry() {
        return geometry;
    }

    public int size() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index];
    }

    /** Pixel value 0–255 of example {@code index} at flat offset {@code offset} within the example. */
    public int value(int index, int offset) {
        return values[index * geometry.valuesPerExample() + offset] & 0xff;
    }

    /** Number of examples of each class. */
    public int[] classCounts() {
        int[] counts = new int[geometry.classes()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The examples at {@code indices} as floats in [-1, 1]. */
    public ImageBatch batch(int[] indices) {
        int n = geometry.valuesPerExample();
        float[] pixels = new float[indices.length * n];  // (B, T, C, H, W)
        int[] batchLabels = new int[indices.length];
        for (int b = 0; b < indices.length; b++) {
            int from = indices[b] * n;
            for (int k = 0; k < n; k++) {
                pixels[b * n + k] = (values[from + k] & 0xff) / 127.5f - 1f;
            }
            batchLabels[b] = labels[indices[b]];
        }
        return new ImageBatch(geometry, pixels, batchLabels);
    }

    /** The examples {@code from} (inclusive) to {@code to} (exclusive) as one batch. */
    public ImageBatch range(int from, int to) {
        int[] indices = new int[to - from];
        Arrays.setAll(indices, i -> from + i);
        return batch(indices);
    }

    /** A new set holding the examples at {@code indices}, in that order. */
    public ImageSet subset(int[] indices) {
        int n = geometry.valuesPerExample();
        byte[] picked = new byte[indices.length * n];
        int[] pickedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * n, picked, i * n, n);
            pickedLabels[i] = labels[indices[i]];
        }
        return new ImageSet(geometry, picked, pickedLabels);
    }

    /** Every frame of every clip as an image labelled as its clip, sharing this set's pixels; images unchanged. */
    public ImageSet asFrames() {
        if (geometry.frames() == 1) {
            return this;
        }
        int[] frameLabels = new int[labels.length * geometry.frames()];
        for (int i = 0; i < frameLabels.length; i++) {
            frameLabels[i] = labels[i / geometry.frames()];
        }
        return new ImageSet(Geometry.image(geometry.channels(), geometry.height(), geometry.width(), geometry.classes()),
                values, frameLabels);
    }

    /** Seeded, epoch-shuffled batches of {@code batchSize}; see {@link BatchStream}. */
    public BatchStream batches(int batchSize, long seed) {
        return new BatchStream(this, batchSize, seed);
    }
}
