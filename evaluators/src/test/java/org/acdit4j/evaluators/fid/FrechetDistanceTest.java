package org.acdit4j.evaluators.fid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    @Test
    void matchesTheClosedFormForCommutingCovariances() {
        // S1 = R·diag(a)·Rᵀ and S2 = R·diag(b)·Rᵀ share eigenvectors: d = |μ1 − μ2|² + Σ (√a − √b)²
        int d = 6;
        double[][] rotation = randomRotation(d, new Random(3));
        double[] a = {4.0, 1.0, 0.25, 9.0, 2.0, 0.5};
        double[] b = {1.0, 1.0, 1.0, 16.0, 0.1, 3.0};
        double[] mu1 = {0, 1, 2, 3, 4, 5};
        double[] mu2 = {1, 1, 0, 3, 4, -1};
        double expected = 0;
        for (int i = 0; i < d; i++) {
            expected += (mu1[i] - mu2[i]) * (mu1[i] - mu2[i]) + Math.pow(Math.sqrt(a[i]) - Math.sqrt(b[i]), 2);
        }
        double actual = FrechetDistance.between(new GaussianFit(mu1, rotated(rotation, a)),
                new GaussianFit(mu2, rotated(rotation, b)));
        assertThat(actual).isCloseTo(expected, within(1e-6 * expected));
    }

    @Test
    void matchesTheClosedFormForNonCommuting2x2Covariances() {
        // for 2×2 PSD M, Tr √M = √(Tr M + 2·√det M), and M = S1^½ S2 S1^½ has Tr M = Tr(S1·S2), det M = det S1 · det S2
        double[][] s1 = {{2.0, 0.7}, {0.7, 1.0}};
        double[][] s2 = {{0.5, -0.3}, {-0.3, 3.0}};
        double traceProduct = s1[0][0] * s2[0][0] + s1[0][1] * s2[1][0] + s1[1][0] * s2[0][1] + s1[1][1] * s2[1][1];
        double det1 = s1[0][0] * s1[1][1] - s1[0][1] * s1[1][0];
        double det2 = s2[0][0] * s2[1][1] - s2[0][1] * s2[1][0];
        double crossTrace = Math.sqrt(traceProduct + 2 * Math.sqrt(det1 * det2));
        double expected = 1.0 * 1.0 + 2.0 * 2.0 + (2.0 + 1.0) + (0.5 + 3.0) - 2 * crossTrace;

        double actual = FrechetDistance.between(new GaussianFit(new double[] {0, 0}, s1),
                new GaussianFit(new double[] {1, 2}, s2));

        assertThat(actual).isCloseTo(expected, within(1e-6 * expected));
    }

    @Test
    void isSymmetricAndZeroForIdenticalFits() {
        Random random = new Random(11);
        GaussianFit first = GaussianFit.of(gaussianSample(random, 400, 20, 1.0));
        GaussianFit second = GaussianFit.of(gaussianSample(random, 400, 20, 1.7));

        double forward = FrechetDistance.between(first, second);
        double backward = FrechetDistance.between(second, first);

        assertThat(forward).isGreaterThan(1.0);
        assertThat(backward).isCloseTo(forward, within(1e-6 * forward));
        assertThat(FrechetDistance.between(first, first)).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void gaussianFitHasTheUnbiasedCovariance() {
        float[][] points = {{1, 2}, {3, 2}, {2, 5}};
        GaussianFit fit = GaussianFit.of(points);
        assertThat(fit.mean()).containsExactly(new double[] {2, 3}, within(1e-12));
        // deviations (-1,-1), (1,-1), (0,2): Σx² = 2, Σxy = 0, Σy² = 6, divided by n − 1 = 2
        assertThat(fit.covariance()[0]).containsExactly(new double[] {1, 0}, within(1e-12));
        assertThat(fit.covariance()[1]).containsExactly(new double[] {0, 3}, within(1e-12));
    }

    private static float[][] gaussianSample(Random random, int n, int d, double scale) {
        float[][] points = new float[n][d];
        for (float[] row : points) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) (random.nextGaussian() * scale * (1 + j % 3) + j * 0.1);
            }
        }
        return points;
    }

    private static double[][] rotated(double[][] q, double[] eigenvalues) {
        int d = eigenvalues.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    out[i][j] += q[i][k] * eigenvalues[k] * q[j][k];
                }
            }
        }
        return out;
    }

    /** An orthogonal matrix by Gram–Schmidt on random columns. */
    private static double[][] randomRotation(int d, Random random) {
        double[][] q = new double[d][d]; // q[row][column]
        for (int c = 0; c < d; c++) {
            double[] v = new double[d];
            for (int r = 0; r < d; r++) {
                v[r] = random.nextGaussian();
            }
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int r = 0; r < d; r++) {
                    dot += v[r] * q[r][p];
                }
                for (int r = 0; r < d; r++) {
                    v[r] -= dot * q[r][p];
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            for (int r = 0; r < d; r++) {
                q[r][c] = v[r] / Math.sqrt(norm);
            }
        }
        return q;
    }
}
