package org.acdit4j.evaluators.probe;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Multinomial logistic regression on standardised features, trained on the host by minibatch Adam with L2
 * weight penalty. Standardisation uses the training features' mean and standard deviation.
 */
public final class SoftmaxRegression {

    /**
     * @param epochs       passes over the training features
     * @param batchSize    examples per step
     * @param learningRate Adam step size
     * @param l2           weight of ½·|W|² in the loss
     * @param seed         seeds the example order
     */
    public record Settings(int epochs, int batchSize, double learningRate, double l2, long seed) {

        public static final Settings DEFAULT = new Settings(10, 256, 1e-3, 1e-4, 0);
    }

    private final float[] mean;
    private final float[] scale;
    private final float[][] weights; // (classes, D)
    private final float[] bias; // (classes)

    private SoftmaxRegression(float[] mean, float[] scale, float[][] weights, float[] bias) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    /** Fits {@code features} (N, D) to {@code labels} in 0..classes − 1. */
    public static SoftmaxRegression fit(float[][] features, int[] labels, int classes, Settings settings) {
        int n = features.length;
        int d = features[0].length;
        float[] mean = new float[d];
        float[] scale = new float[d];
        standardisation(features, mean, scale);
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = standardised(features[i], mean, scale);
        }
        float[][] w = new float[classes][d];
        float[] b = new float[classes];
        Adam adam = new Adam(classes, d, settings.learningRate());
        float[][] gradW = new float[classes][d];
        float[] gradB = new float[classes];
        float[] p = new float[classes];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int from = 0; from < n; from += settings.batchSize()) {
                int size = Math.min(settings.batchSize(), n - from);
                for (int k = 0; k < classes; k++) {
                    Arrays.fill(gradW[k], 0f);
                }
                Arrays.fill(gradB, 0f);
                for (int s = 0; s < size; s++) {
                    float[] row = x[order[from + s]];
                    probabilities(row, w, b, p);
                    p[labels[order[from + s]]] -= 1f;
                    for (int k = 0; k < classes; k++) {
                        float g = p[k] / size;
                        gradB[k] += g;
                        float[] target = gradW[k];
                        for (int j = 0; j < d; j++) {
                            target[j] += g * row[j];
                        }
                    }
                }
                for (int k = 0; k < classes; k++) {
                    for (int j = 0; j < d; j++) {
                        gradW[k][j] += (float) settings.l2() * w[k][j];
                    }
                }
                adam.step(w, gradW, b, gradB);
            }
        }
        return new SoftmaxRegression(mean, scale, w, b);
    }

    /** The most probable class of each row of {@code features} (N, D). */
    public int[] predict(float[][] features) {
        int[] predicted = new int[features.length];
        float[] p = new float[bias.length];
        for (int i = 0; i < features.length; i++) {
            probabilities(standardised(features[i], mean, scale), weights, bias, p);
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }

    /** Share of rows of {@code features} predicted as their label. */
    public double accuracy(float[][] features, int[] labels) {
        int[] predicted = predict(features);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
    }

    private static void probabilities(float[] row, float[][] w, float[] b, float[] out) {
        float max = -Float.MAX_VALUE;
        for (int k = 0; k < b.length; k++) {
            float z = b[k];
            float[] wk = w[k];
            for (int j = 0; j < row.length; j++) {
                z += wk[j] * row[j];
            }
            out[k] = z;
            max = Math.max(max, z);
        }
        float sum = 0;
        for (int k = 0; k < b.length; k++) {
            out[k] = (float) Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < b.length; k++) {
            out[k] /= sum;
        }
    }

    private static void standardisation(float[][] features, float[] mean, float[] scale) {
        int n = features.length;
        int d = mean.length;
        double[] sum = new double[d];
        double[] sumSquares = new double[d];
        for (float[] row : features) {
            for (int j = 0; j < d; j++) {
                sum[j] += row[j];
                sumSquares[j] += (double) row[j] * row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            double m = sum[j] / n;
            double variance = Math.max(sumSquares[j] / n - m * m, 0);
            mean[j] = (float) m;
            // constant features (e.g. always-black border pixels) are mapped to 0 instead of dividing by 0
            scale[j] = variance > 1e-12 ? (float) (1 / Math.sqrt(variance)) : 0f;
        }
    }

    private static float[] standardised(float[] row, float[] mean, float[] scale) {
        float[] out = new float[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) * scale[j];
        }
        return out;
    }

    /** Adam state for the weight matrix and the bias. */
    private static final class Adam {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPSILON = 1e-8;

        private final double learningRate;
        private final float[][] mW;
        private final float[][] vW;
        private final float[] mB;
        private final float[] vB;
        private int t;

        Adam(int classes, int d, double learningRate) {
            this.learningRate = learningRate;
            this.mW = new float[classes][d];
            this.vW = new float[classes][d];
            this.mB = new float[classes];
            this.vB = new float[classes];
        }

        void step(float[][] w, float[][] gradW, float[] b, float[] gradB) {
            t++;
            double stepSize = learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            for (int k = 0; k < w.length; k++) {
                update(w[k], gradW[k], mW[k], vW[k], stepSize);
            }
            update(b, gradB, mB, vB, stepSize);
        }

        private static void update(float[] p, float[] g, float[] m, float[] v, double stepSize) {
            for (int j = 0; j < p.length; j++) {
                m[j] = (float) (BETA1 * m[j] + (1 - BETA1) * g[j]);
                v[j] = (float) (BETA2 * v[j] + (1 - BETA2) * g[j] * g[j]);
                p[j] -= (float) (stepSize * m[j] / (Math.sqrt(v[j]) + EPSILON));
            }
        }
    }
}
