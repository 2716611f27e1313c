package org.acdit4j.evaluators.inception;

/**
 * The Inception-Score analogue: {@code exp(E_x KL(p(y|x) ‖ p(y)))} over the feature network's class
 * probabilities. It ranges from 1 (every image gets the same class distribution) to the number of classes
 * (confident and evenly spread predictions).
 */
public final class InceptionScore {

    private static final double EPSILON = 1e-12;

    private InceptionScore() {
    }

    /** The score of {@code probabilities} (N, classes), each row summing to 1. */
    public static double of(float[][] probabilities) {
        int n = probabilities.length;
        int classes = probabilities[0].length;
        double[] marginal = new double[classes];
        for (float[] row : probabilities) {
            for (int k = 0; k < classes; k++) {
                marginal[k] += row[k] / (double) n;
            }
        }
        double meanKl = 0;
        for (float[] row : probabilities) {
            double kl = 0;
            for (int k = 0; k < classes; k++) {
                if (row[k] > 0) {
                    kl += row[k] * (Math.log(row[k]) - Math.log(marginal[k] + EPSILON));
                }
            }
            meanKl += kl / n;
        }
        return Math.exp(meanKl);
    }
}
