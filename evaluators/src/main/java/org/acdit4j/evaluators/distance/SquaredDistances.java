package org.acdit4j.evaluators.distance;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Squared Euclidean distances between every query and every reference point, computed block-wise as
 * |q|² + |r|² − 2·q·rᵀ with ND4J matrix products so that 10,000 × 10,000 pairs never sit in memory at once. In float
 * precision, so a distance of 0 can come out as a small number of either sign.
 */
public final class SquaredDistances {

    private static final int ROWS_PER_BLOCK = 512;

    /** Receives one block of rows: {@code distances} holds (rows, references) squared distances, row-major. */
    public interface BlockConsumer {
        void accept(int firstRow, int rows, float[] distances);
    }

    private SquaredDistances() {
    }

    /** Calls {@code consumer} once per block of up to 512 queries, in order. */
    public static void forEachBlock(float[][] queries, float[][] references, BlockConsumer consumer) {
        INDArray refs = Nd4j.create(references).castTo(DataType.FLOAT); // (M, D)
        INDArray refNorms = refs.mul(refs).sum(1).reshape(1, references.length); // (1, M)
        for (int from = 0; from < queries.length; from += ROWS_PER_BLOCK) {
            int rows = Math.min(ROWS_PER_BLOCK, queries.length - from);
            float[][] block = new float[rows][];
            System.arraycopy(queries, from, block, 0, rows);
            INDArray q = Nd4j.create(block).castTo(DataType.FLOAT); // (rows, D)
            INDArray queryNorms = q.mul(q).sum(1).reshape(rows, 1); // (rows, 1)
            INDArray distances = q.mmul(refs.transpose()).muli(-2).addiColumnVector(queryNorms)
                    .addiRowVector(refNorms); // (rows, M)
            consumer.accept(from, rows, distances.dup('c').data().asFloat());
        }
    }
}
