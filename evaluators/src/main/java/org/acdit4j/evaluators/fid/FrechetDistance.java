package org.acdit4j.evaluators.fid;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The Fréchet (2-Wasserstein) distance between two Gaussians:
 * {@code |μ1 − μ2|² + Tr(S1) + Tr(S2) − 2·Tr(sqrt(S1^½ S2 S1^½))}. Both square roots are taken by
 * eigen-decomposition of symmetric matrices, with eigenvalues that rounding pushed below zero clamped to 0.
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
        RealMatrix s1 = MatrixUtils.createRealMatrix(first.covariance());
        RealMatrix s2 = MatrixUtils.createRealMatrix(second.covariance());
        RealMatrix s1Root = symmetricSquareRoot(s1);
        RealMatrix product = s1Root.multiply(s2).multiply(s1Root);
        double crossTrace = 0;
        for (double eigenvalue : new EigenDecomposition(symmetrised(product)).getRealEigenvalues()) {
            crossTrace += Math.sqrt(Math.max(eigenvalue, 0));
        }
        return Math.max(0, meanTerm + s1.getTrace() + s2.getTrace() - 2 * crossTrace);
    }

    /** V·diag(√max(λ, 0))·Vᵀ of a symmetric positive semi-definite matrix. */
    static RealMatrix symmetricSquareRoot(RealMatrix matrix) {
        EigenDecomposition eigen = new EigenDecomposition(symmetrised(matrix));
        double[] values = eigen.getRealEigenvalues();
        double[] roots = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            roots[i] = Math.sqrt(Math.max(values[i], 0));
        }
        RealMatrix v = eigen.getV();
        return v.multiply(MatrixUtils.createRealDiagonalMatrix(roots)).multiply(v.transpose());
    }

    private static RealMatrix symmetrised(RealMatrix matrix) {
        return matrix.add(matrix.transpose()).scalarMultiply(0.5);
    }
}
