package org.acdit4j.evaluators.features;

import java.util.Map;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained classifier used as the feature extractor of FID, precision/recall, the Inception-Score
 * analogue and class agreement: penultimate-layer features and class probabilities of images.
 */
public final class FeatureNetwork {

    private static final int CHUNK = 250;

    private final FeatureNetworkWeights weights;
    private final SameDiff graph;

    public FeatureNetwork(FeatureNetworkWeights weights) {
        this.weights = weights;
        this.graph = FeatureNetworkGraph.build(weights.parameters(), weights.channels(), weights.side(), false);
    }

    /** What the network computes for a batch: features (N, 128) and class probabilities (N, classes). */
    public record Outputs(float[][] features, float[][] probabilities) {

        /** The most probable class of each example. */
        public int[] predictedClasses() {
            int[] classes = new int[probabilities.length];
            for (int i = 0; i < probabilities.length; i++) {
                int best = 0;
                for (int k = 1; k < probabilities[i].length; k++) {
                    if (probabilities[i][k] > probabilities[i][best]) {
                        best = k;
                    }
                }
                classes[i] = best;
            }
            return classes;
        }
    }

    public FeatureNetworkWeights weights() {
        return weights;
    }

    public String fingerprint() {
        return weights.fingerprint();
    }

    public int featureSize() {
        return FeatureNetworkGraph.FEATURE_SIZE;
    }

    /** Fails with a one-line reason unless images (or the frames of clips) of {@code geometry} fit this network. */
    public void checkCompatible(Geometry geometry) {
        if (geometry.channels() != weights.channels() || geometry.height() != weights.side()
                || geometry.width() != weights.side() || geometry.classes() != weights.classes()) {
            throw new IllegalArgumentException("the " + weights.dataset() + " feature network takes "
                    + Geometry.image(weights.channels(), weights.side(), weights.side(), weights.classes())
                    + " images, got " + geometry);
        }
    }

    /** Runs the network over {@code images} in chunks; clips are measured frame by frame (one row per frame). */
    public Outputs run(ImageBatch examples) {
        checkCompatible(examples.geometry());
        ImageBatch images = examples.asFrames();
        int n = images.size();
        int perExample = images.geometry().valuesPerExample();
        float[][] features = new float[n][];
        float[][] probabilities = new float[n][];
        for (int from = 0; from < n; from += CHUNK) {
            int count = Math.min(CHUNK, n - from);
            float[] chunk = new float[count * perExample];
            System.arraycopy(images.pixels(), from * perExample, chunk, 0, chunk.length);
            INDArray input = Nd4j.create(chunk, new long[] {count, weights.channels(), weights.side(), weights.side()}, 'c'); // (n, C, H, W)
            Map<String, INDArray> out = graph.output(Map.of(FeatureNetworkGraph.INPUT, input),
                    FeatureNetworkGraph.FEATURES, FeatureNetworkGraph.PROBABILITIES);
            float[][] f = out.get(FeatureNetworkGraph.FEATURES).castTo(DataType.FLOAT).toFloatMatrix(); // (n, 128)
            float[][] p = out.get(FeatureNetworkGraph.PROBABILITIES).castTo(DataType.FLOAT).toFloatMatrix(); // (n, classes)
            System.arraycopy(f, 0, features, from, count);
            System.arraycopy(p, 0, probabilities, from, count);
        }
        return new Outputs(features, probabilities);
    }

    /** Share of {@code images} (of all frames, for clips) whose predicted class equals their label. */
    public double accuracy(ImageBatch examples) {
        ImageBatch images = examples.asFrames();
        int[] predicted = run(images).predictedClasses();
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == images.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
    }
}
