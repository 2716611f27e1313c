package org.acdit4j.evaluators.precisionrecall;

import java.util.Arrays;
import org.acdit4j.evaluators.distance.SquaredDistances;

/**
 * The k-NN ball approximation of a point set's manifold: each point with the squared radius to its k-th neighbour.
 * Balls whose radius lies above a quantile of all radii are pruned (left out of the manifold), as the
 * {@code clamp_to_percentile} option of Kynkäänniemi et al.'s reference implementation does: the largest balls
 * belong to outliers and cover empty space.
 */
final class NearestNeighbourBalls {

    private final float[][] centres;
    private final double[] squaredRadii;

    private NearestNeighbourBalls(float[][] centres, double[] squaredRadii) {
        this.centres = centres;
        this.squaredRadii = squaredRadii;
    }

    /**
     * Balls around {@code points} (N, D) reaching each point's k-th nearest other point, keeping only those whose
     * radius is at most the {@code radiusQuantile} quantile (nearest rank) of all radii; 1 keeps every ball.
     */
    static NearestNeighbourBalls of(float[][] points, int k, double radiusQuantile) {
        if (!(radiusQuantile > 0 && radiusQuantile <= 1)) {
            throw new IllegalArgumentException("radius quantile must be in (0, 1], got " + radiusQuantile);
        }
        if (points.length <= k) {
            throw new IllegalArgumentException("k-NN manifolds with k = " + k + " need more than " + k
                    + " points, got " + points.length);
        }
        double[] radii = new double[points.length];
        SquaredDistances.forEachBlock(points, points, (firstRow, rows, distances) -> {
            float[] smallest = new float[k + 1];
            for (int r = 0; r < rows; r++) {
                Arrays.fill(smallest, Float.MAX_VALUE);
                int offset = r * points.length;
                for (int c = 0; c < points.length; c++) {
                    float d = distances[offset + c];
                    if (d < smallest[k]) {
                        int i = k;
                        while (i > 0 && smallest[i - 1] > d) {
                            smallest[i] = smallest[i - 1];
                            i--;
                        }
                        smallest[i] = d;
                    }
                }
                // smallest[0] is the point itself (distance 0 up to rounding)
                radii[firstRow + r] = Math.max(smallest[k], 0f);
            }
        });
        double limit = quantile(radii, radiusQuantile);
        int kept = 0;
        for (double r : radii) {
            if (r <= limit) {
                kept++;
            }
        }
        float[][] centres = new float[kept][];
        double[] keptRadii = new double[kept];
        for (int i = 0, j = 0; i < points.length; i++) {
            if (radii[i] <= limit) {
                centres[j] = points[i];
                keptRadii[j++] = radii[i];
            }
        }
        return new NearestNeighbourBalls(centres, keptRadii);
    }

    /** The nearest-rank {@code q} quantile of {@code values}: the smallest value with at least q·N values ≤ it. */
    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }


    /** Share of {@code queries} (N, D) that fall inside at least one ball. */
    double shareInside(float[][] queries) {
        int[] inside = new int[1];
        SquaredDistances.forEachBlock(queries, centres, (firstRow, rows, distances) -> {
            for (int r = 0; r < rows; r++) {
                int offset = r * centres.length;
                for (int c = 0; c < centres.length; c++) {
                    if (distances[offset + c] <= squaredRadii[c]) {
                        inside[0]++;
                        break;
                    }
                }
            }
        });
        return (double) inside[0] / queries.length;
    }
}
