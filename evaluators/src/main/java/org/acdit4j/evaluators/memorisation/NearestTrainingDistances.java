package org.acdit4j.evaluators.memorisation;

import java.util.Arrays;
import org.acdit4j.evaluators.distance.SquaredDistances;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.ImageSet;

/**
 * Each example's Euclidean distance in pixel space to its nearest training example, over all values of an example
 * (T·C·H·W) with pixels scaled to [0, 1] (one 8-bit level is 1/255). The training split is compared in chunks of
 * {@value #TRAINING_CHUNK} examples, each with one ND4J matrix product per 512 queries, so neither the whole split as
 * floats nor all pairs sit in memory at once.
 */
final class NearestTrainingDistances {

    private static final int TRAINING_CHUNK = 4096;

    private final ImageSet train;

    NearestTrainingDistances(ImageSet train) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("the train split is empty: there is nothing to be near to");
        }
        this.train = train;
    }

    /** For every example of {@code examples}, the distance to its nearest training example: (N). */
    double[] of(ImageBatch examples) {
        if (examples.geometry().valuesPerExample() != train.geometry().valuesPerExample()) {
            throw new IllegalArgumentException("examples of " + examples.geometry() + " cannot be compared with "
                    + "training examples of " + train.geometry());
        }
        float[][] queries = unitRange(examples); // (N, D)
        double[] nearestSquared = new double[queries.length];
        Arrays.fill(nearestSquared, Double.POSITIVE_INFINITY);
        for (int from = 0; from < train.size(); from += TRAINING_CHUNK) {
            float[][] chunk = unitRange(train.range(from, Math.min(train.size(), from + TRAINING_CHUNK))); // (M, D)
            SquaredDistances.forEachBlock(queries, chunk, (firstRow, rows, distances) -> { // (rows, M)
                for (int r = 0; r < rows; r++) {
                    double best = nearestSquared[firstRow + r];
                    for (int m = 0, offset = r * chunk.length; m < chunk.length; m++) {
                        best = Math.min(best, distances[offset + m]);
                    }
                    nearestSquared[firstRow + r] = best;
                }
            });
        }
        double[] nearest = new double[queries.length];
        for (int i = 0; i < nearest.length; i++) {
            nearest[i] = Math.sqrt(Math.max(0, nearestSquared[i])); // rounding can leave a copy's 0 slightly negative
        }
        return nearest;
    }

    /** One row per example, pixels mapped from [-1, 1] to [0, 1]: (N, D). */
    private static float[][] unitRange(ImageBatch batch) {
        int d = batch.geometry().valuesPerExample();
        float[][] rows = new float[batch.size()][d];
        float[] pixels = batch.pixels();
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < d; k++) {
                rows[i][k] = (pixels[i * d + k] + 1) / 2;
            }
        }
        return rows;
    }
}
