package org.acdit4j.model.graph;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * adaLN-Zero for the noised tokens of one layer: the block condition c (timestep of the block + class)
 * goes through a linear layer initialised to zero and gives per-block shift, scale and gate vectors, which
 * are broadcast over the B tokens of the block. The scale comes as 1 + scale, added where the vectors are made
 * (in the sampling passes, once per solver step for every block). Clean tokens never pass through here.
 */
final class AdaLnZero {

    private final SDVariable[] chunks;
    private final int blocks;
    private final int blockSize;
    private final int width;

    /**
     * @param modulations the k modulation vectors of each block, k × (n, nb, 1, D): the chunks of
     *                    SiLU(c)·W + b with W (D, k·D) and b (k·D) zero-initialised (6 in a layer, 2 in the
     *                    final layer), 1 added to the scale chunks; with one token per block k × (n·nb, D), applied elementwise without
     *                    reshaping (fewer graph ops, no broadcast)
     */
    AdaLnZero(SDVariable[] modulations, int blocks, int blockSize, int width) {
        this.blocks = blocks;
        this.blockSize = blockSize;
        this.width = width;
        this.chunks = modulations;
    }

    /** x·(1 + scale) + shift with chunks {@code shift} and {@code factor} (= 1 + scale); x: (n·nb·B, D) → (n·nb·B, D). */
    SDVariable modulate(SDVariable x, int shift, int factor) {
        if (blockSize == 1) {
            return x.mul(chunks[factor]).add(chunks[shift]);                       // (n·nb, D)
        }
        SDVariable xb = x.reshape(-1, blocks, blockSize, width);                  // (n, nb, B, D)
        SDVariable y = xb.mul(chunks[factor]).add(chunks[shift]);                 // (n, nb, B, D)
        return y.reshape(-1, width);                                              // (n·nb·B, D)
    }

    /** gate·x with chunk {@code gate}; x: (n·nb·B, D) → (n·nb·B, D). */
    SDVariable gate(SDVariable x, int gate) {
        if (blockSize == 1) {
            return x.mul(chunks[gate]);                                            // (n·nb, D)
        }
        SDVariable xb = x.reshape(-1, blocks, blockSize, width);                  // (n, nb, B, D)
        return xb.mul(chunks[gate]).reshape(-1, width);                           // (n·nb·B, D)
    }
}
