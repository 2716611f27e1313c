package org.acdit4j.evaluators.precisionrecall;

import java.util.Arrays;

/** The k-NN ball approximation of a point set's manifold: each point with the squared radius to its k-th neighbour. */
final class NearestNeighbourBalls {

    private final float[][] centres;
    private final double[] squaredRadii;

    private NearestNeighbourBalls(float[][] centres, double[] squaredRadii) {
        this.centres = centres;
        this.squaredRadii = squaredRadii;
    }

    /** Balls around {@code points} (N, D) reaching each point's k-th nearest other point. */
    static NearestNeighbourBalls of(float[][] points, int k) {
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
        return new NearestNeighbourBalls(points, radii);
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
