package org.acdit4j.evaluators.testing;

/** The softmax of the test models' scores, shifted by the largest score so that no exponent overflows. */
public final class Softmax {

    private Softmax() {
    }

    /** Replaces {@code scores} by their softmax. */
    public static void inPlace(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            max = Math.max(max, scores[i]);
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.exp(scores[i] - max);
            sum += scores[i];
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= sum;
        }
    }
}
