package org.acdit4j.model.tokenar;

import java.util.Arrays;
import org.acdit4j.model.core.HostRandom;

/**
 * Lloyd's k-means with k-means++ seeding (Arthur and Vassilvitskii 2007) on points of {@code dimension} values:
 * seeding picks each new centre with probability proportional to the squared distance to the nearest centre so
 * far; every iteration assigns each point to its nearest centre and moves each centre to its points' mean, until
 * fewer than 0.1 % of the points change or {@code maxIterations} is reached. An emptied cluster takes over the
 * point farthest from its centre. The same points and seed give the same codebook.
 */
public final class KMeans {

    private static final double CONVERGED_FRACTION = 0.001;

    private final int codes;
    private final int maxIterations;

    public KMeans(int codes, int maxIterations) {
        this.codes = codes;
        this.maxIterations = maxIterations;
    }

    /** Fits a codebook to {@code points} (m, d) flat; needs at least as many points as codes. */
    public Codebook fit(float[] points, int dimension, long seed) {
        int m = points.length / dimension;
        if (m < codes) {
            throw new IllegalArgumentException("k-means with " + codes + " codes needs at least as many patches, got " + m);
        }
        float[] centres = seed(points, m, dimension, new HostRandom(seed));
        int[] assignment = new int[m];
        Arrays.fill(assignment, -1);
        double[] distance = new double[m];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            Codebook current = new Codebook(codes, dimension, centres);
            int changed = 0;
            for (int i = 0; i < m; i++) {
                int nearest = current.nearest(points, i * dimension);
                distance[i] = squaredDistance(points, i * dimension, centres, nearest * dimension, dimension);
                if (nearest != assignment[i]) {
                    assignment[i] = nearest;
                    changed++;
                }
            }
            centres = means(points, m, dimension, assignment, distance, centres);
            if (changed < CONVERGED_FRACTION * m) {
                break;
            }
        }
        return new Codebook(codes, dimension, centres);
    }

    private float[] seed(float[] points, int m, int d, HostRandom random) {
        float[] centres = new float[codes * d];
        System.arraycopy(points, random.nextInt(m) * d, centres, 0, d);
        double[] nearest = new double[m];
        Arrays.fill(nearest, Double.MAX_VALUE);
        for (int k = 1; k < codes; k++) {
            double total = 0;
            for (int i = 0; i < m; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(points, i * d, centres, (k - 1) * d, d));
                total += nearest[i];
            }
            int chosen = random.nextInt(m);
            if (total > 0) {
                double target = random.nextDouble() * total;
                for (int i = 0; i < m; i++) {
                    target -= nearest[i];
                    if (target <= 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            System.arraycopy(points, chosen * d, centres, k * d, d);
        }
        return centres;
    }

    /** New centres: each cluster's mean; an empty cluster moves to the worst-served point. */
    private float[] means(float[] points, int m, int d, int[] assignment, double[] distance, float[] previous) {
        double[] sums = new double[codes * d];
        int[] counts = new int[codes];
        for (int i = 0; i < m; i++) {
            int k = assignment[i];
            counts[k]++;
            for (int j = 0; j < d; j++) {
                sums[k * d + j] += points[i * d + j];
            }
        }
        float[] centres = previous.clone();
        for (int k = 0; k < codes; k++) {
            if (counts[k] > 0) {
                for (int j = 0; j < d; j++) {
                    centres[k * d + j] = (float) (sums[k * d + j] / counts[k]);
                }
            } else {
                int worst = 0;
                for (int i = 1; i < m; i++) {
                    if (distance[i] > distance[worst]) {
                        worst = i;
                    }
                }
                System.arraycopy(points, worst * d, centres, k * d, d);
                distance[worst] = 0;
            }
        }
        return centres;
    }

    private static double squaredDistance(float[] a, int offsetA, float[] b, int offsetB, int d) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double delta = a[offsetA + j] - b[offsetB + j];
            sum += delta * delta;
        }
        return sum;
    }
}
