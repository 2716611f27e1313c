package org.acdit4j.model.graph;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * adaLN-Zero for the noised tokens of one layer: the block condition c (timestep of the block + class)
 * goes through a linear layer initialised to zero and gives per-block shift, scale and gate vectors, which
 * are broadcast over the B tokens of the block. Clean tokens never pass through here.
 */
final class AdaLnZero {

    private final SDVariable[] chunks;
    private final int blocks;
    private final int blockSize;
    private final int width;

    /**
     * @param siluC     SiLU of the condition, (n·nb, D)
     * @param w         (D, k·D) weights, zero-initialised
     * @param b         (k·D) bias, zero-initialised
     * @param k         number of modulation vectors (6 in a layer, 2 in the final layer)
     *
     * <p>Each chunk has its own matmul on a column slice of {@code w}: splitting one wide output along its
     * last axis is a strided copy that took ~25 ms per call in the training graph (docs/PERFORMANCE.md).
     */
    AdaLnZero(SameDiff sd, SDVariable siluC, SDVariable w, SDVariable b, int k, int blocks, int blockSize, int width) {
        this.blocks = blocks;
        this.blockSize = blockSize;
        this.width = width;
        this.chunks = new SDVariable[k];
        for (int i = 0; i < k; i++) {                     // a matmul per chunk: splitting one (n·nb, k·D) output
            SDVariable wi = w.get(SDIndex.all(), SDIndex.interval(i * width, (i + 1) * width)); // (D, D)
            SDVariable bi = b.get(SDIndex.interval(i * width, (i + 1) * width));  // (D)
            chunks[i] = siluC.mmul(wi).add(bi).reshape(-1, blocks, 1, width);    // (n, nb, 1, D)
        }
    }

    /** x·(1 + scale) + shift with chunks {@code shift} and {@code scale}; x: (n·nb·B, D) → (n·nb·B, D). */
    SDVariable modulate(SDVariable x, int shift, int scale) {
        SDVariable xb = x.reshape(-1, blocks, blockSize, width);                  // (n, nb, B, D)
        SDVariable y = xb.mul(chunks[scale].add(1.0)).add(chunks[shift]);         // (n, nb, B, D)
        return y.reshape(-1, width);                                              // (n·nb·B, D)
    }

    /** gate·x with chunk {@code gate}; x: (n·nb·B, D) → (n·nb·B, D). */
    SDVariable gate(SDVariable x, int gate) {
        SDVariable xb = x.reshape(-1, blocks, blockSize, width);                  // (n, nb, B, D)
        return xb.mul(chunks[gate]).reshape(-1, width);                           // (n·nb·B, D)
    }
}
