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

    /** Every frame as an example of its own, labelled as its clip: (N·T) images; images are returned unchanged. */
    public ImageBatch asFrames() {
        Geometry g = geometry;
        if (g.frames() == 1) {
            return this;
        }
        int[] frameLabels = new int[size() * g.frames()];
        for (int i = 0; i < frameLabels.length; i++) {
            frameLabels[i] = labels[i / g.frames()];
        }
        return new ImageBatch(Geometry.image(g.channels(), g.height(), g.width(), g.classes()), pixels, frameLabels);
    }

    /** Frame {@code t} of every clip: N images. */
    public ImageBatch frame(int t) {
        Geometry g = geometry;
        if (t < 0 || t >= g.frames()) {
            throw new IllegalArgumentException("frame " + t + " outside 0.." + (g.frames() - 1));
        }
        int perFrame = g.channels() * g.height() * g.width();
        float[] out = new float[size() * perFrame];
        for (int i = 0; i < size(); i++) {
            System.arraycopy(pixels, (i * g.frames() + t) * perFrame, out, i * perFrame, perFrame);
        }
        return new ImageBatch(Geometry.image(g.channels(), g.height(), g.width(), g.classes()), out, labels.clone());
    }

    /** The pixels of example {@code i}, a copy. */
    public float[] example(int i) {
        int n = geometry.valuesPerExample();
        return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }
}
