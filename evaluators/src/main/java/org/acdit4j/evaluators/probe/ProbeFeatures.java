package org.acdit4j.evaluators.probe;

import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.GenerativeModel;

/** Turns images into the feature matrices a probe is fitted on. */
public final class ProbeFeatures {

    private ProbeFeatures() {
    }

    /** The raw pixels of each example as one row: (N, T·C·H·W). */
    public static float[][] pixels(ImageBatch images) {
        float[][] rows = new float[images.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = images.example(i);
        }
        return rows;
    }

    /** The model's frozen {@code encode} features, computed {@code batchSize} examples at a time: (N, featureSize). */
    public static float[][] encoded(GenerativeModel model, ImageBatch images, int batchSize) {
        int n = images.size();
        int perExample = images.geometry().valuesPerExample();
        float[][] rows = new float[n][];
        for (int from = 0; from < n; from += batchSize) {
            int size = Math.min(batchSize, n - from);
            float[] pixels = new float[size * perExample];
            int[] labels = new int[size];
            System.arraycopy(images.pixels(), from * perExample, pixels, 0, pixels.length);
            System.arraycopy(images.labels(), from, labels, 0, size);
            float[][] features = model.encode(new ImageBatch(images.geometry(), pixels, labels));
            if (features.length != size) {
                throw new IllegalStateException("model.encode returned " + features.length + " rows for " + size + " images");
            }
            System.arraycopy(features, 0, rows, from, size);
        }
        return rows;
    }
}
