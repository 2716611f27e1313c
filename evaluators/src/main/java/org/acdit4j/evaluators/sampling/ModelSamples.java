package org.acdit4j.evaluators.sampling;

import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.model.GenerativeModel;

/** Draws class-balanced conditional samples from a model in batches. */
public final class ModelSamples {

    private ModelSamples() {
    }

    /**
     * {@code context.sampleCount()} samples with labels 0, 1, …, classes − 1 repeated; batch b uses seed
     * {@code context.seed() + b}. The returned batch carries the labels the samples were conditioned on.
     */
    public static ImageBatch draw(EvaluationContext context) {
        GenerativeModel model = context.model();
        Geometry geometry = context.dataset().geometry();
        int count = context.sampleCount();
        int perExample = geometry.valuesPerExample();
        float[] pixels = new float[count * perExample]; // (N, T, C, H, W)
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % geometry.classes();
        }
        for (int from = 0, b = 0; from < count; from += context.batchSize(), b++) {
            int size = Math.min(context.batchSize(), count - from);
            int[] batchLabels = new int[size];
            System.arraycopy(labels, from, batchLabels, 0, size);
            ImageBatch batch = model.sample(context.sampling().request(batchLabels, context.seed() + b));
            if (batch.size() != size || batch.geometry().valuesPerExample() != perExample) {
                throw new IllegalStateException("model returned " + batch.size() + " samples of " + batch.geometry()
                        + " for a request of " + size + " samples of " + geometry);
            }
            System.arraycopy(batch.pixels(), 0, pixels, from * perExample, size * perExample);
        }
        return new ImageBatch(geometry, pixels, labels);
    }
}
