package org.acdit4j.evaluators.fid;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Fréchet (2-Wasserstein) distance between two Gaussians:
 * {@code |μ1 − μ2|² + Tr(S1) + Tr(S2) − 2·Tr(sqrt(S1^½ S2 S1^½))}. Both square roots come from eigen-decompositions
 * of symmetric matrices in double precision by LAPACK's {@code dsyev} (through ND4J), with eigenvalues that
 * rounding pushed below zero clamped to 0. LAPACK copes with the singular, badly scaled covariances of fits
 * from fewer samples than dimensions, where Commons Math's QL iteration failed to converge.
 */
public final class FrechetDistance {

    private FrechetDistance() {
    }

    public static double between(GaussianFit first, GaussianFit second) {
        if (first.dimension() != second.dimension()) {
            throw new IllegalArgumentException("Fréchet distance between fits of different dimension: "
                    + first.dimension() + " and " + second.dimension());
        }
        double meanTerm = 0;
        for (int j = 0; j < first.dimension(); j++) {
            double diff = first.mean()[j] - second.mean()[j];
            meanTerm += diff * diff;
        }
        INDArray s1 = Nd4j.createFromArray(first.covariance()).castTo(DataType.DOUBLE);     // (d, d)
        INDArray s2 = Nd4j.createFromArray(second.covariance()).castTo(DataType.DOUBLE);    // (d, d)
        INDArray s1Root = symmetricSquareRoot(s1);                                          // (d, d)
        INDArray product = s1Root.mmul(s2).mmul(s1Root);                                    // (d, d)
        double crossTrace = 0;
        for (double eigenvalue : eigenvalues(product, false).toDoubleVector()) {
            crossTrace += Math.sqrt(Math.max(eigenvalue, 0));
        }
        return Math.max(0, meanTerm + trace(s1) + trace(s2) - 2 * crossTrace);
    }

    /** V·diag(√max(λ, 0))·Vᵀ of a symmetric positive semi-definite matrix (d, d). */
    static INDArray symmetricSquareRoot(INDArray matrix) {
        INDArray vectors = symmetrised(matrix);                        // (d, d), overwritten with the eigenvectors
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(vectors, true);      // (d)
        INDArray roots = Transforms.sqrt(Transforms.max(values, 0.0), false);        // (d)
        return vectors.mulRowVector(roots).mmul(vectors.transpose());                // (d, d)
    }

    private static INDArray eigenvalues(INDArray matrix, boolean vectors) {
        return Eigen.symmetricGeneralizedEigenvalues(symmetrised(matrix), vectors);
    }

    /** (M + Mᵀ)/2 as a new array. */
    private static INDArray symmetrised(INDArray matrix) {
        return matrix.add(matrix.transpose()).muli(0.5);
    }

    private static double trace(INDArray matrix) {
        double t = 0;
        for (int i = 0; i < matrix.rows(); i++) {
            t += matrix.getDouble(i, i);
        }
        return t;
    }
}
