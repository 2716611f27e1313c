package org.acdit4j.evaluators.fid;

/**
 * Mean and unbiased covariance of a set of feature vectors, in double precision.
 *
 * @param mean       (D)
 * @param covariance (D, D), symmetric
 */
public record GaussianFit(double[] mean, double[][] covariance) {

    /** Fits {@code features} (N, D), N ≥ 2. */
    public static GaussianFit of(float[][] features) {
        int n = features.length;
        if (n < 2) {
            throw new IllegalArgumentException("a Gaussian fit needs at least 2 feature vectors, got " + n);
        }
        int d = features[0].length;
        double[] mean = new double[d];
        for (float[] row : features) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] covariance = new double[d][d];
        double[] centred = new double[d];
        for (float[] row : features) {
            for (int j = 0; j < d; j++) {
                centred[j] = row[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                double[] target = covariance[a];
                for (int b = a; b < d; b++) {
                    target[b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                covariance[a][b] /= n - 1;
                covariance[b][a] = covariance[a][b];
            }
        }
        return new GaussianFit(mean, covariance);
    }

    public int dimension() {
        return mean.length;
    }
}
