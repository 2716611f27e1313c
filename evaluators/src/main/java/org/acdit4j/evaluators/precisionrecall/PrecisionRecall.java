package org.acdit4j.evaluators.precisionrecall;

/**
 * Improved precision and recall (Kynkäänniemi et al. 2019). Each set is approximated by the union of balls
 * around its points, each ball reaching the point's k-th nearest neighbour in the same set. Precision is the
 * share of generated points inside the real manifold (fidelity); recall the share of real points inside the
 * generated manifold (coverage).
 */
public record PrecisionRecall(double precision, double recall) {

    public static final int DEFAULT_K = 3;
    /** Each manifold keeps its balls up to this quantile of radii; docs/EVALUATORS.md shows how it was chosen. */
    public static final double DEFAULT_RADIUS_QUANTILE = 0.98;

    /**
     * Precision and recall of {@code generated} (N, D) against {@code real} (M, D) with k neighbours; each manifold
     * keeps only the balls whose radius is at most its {@code radiusQuantile} quantile of radii (1 keeps all).
     */
    public static PrecisionRecall of(float[][] real, float[][] generated, int k, double radiusQuantile) {
        double precision = NearestNeighbourBalls.of(real, k, radiusQuantile).shareInside(generated);
        double recall = NearestNeighbourBalls.of(generated, k, radiusQuantile).shareInside(real);
        return new PrecisionRecall(precision, recall);
    }
}
