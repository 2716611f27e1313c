package org.acdit4j.model.core.graph;

/**
 * The Skip-Causal Attention Mask over the training sequence {@code [clean 0..N-2] ++ [noised 0..N-1]}:
 * clean block i sees clean blocks j ≤ i; noised block i sees clean blocks j < i and itself; nothing else.
 * With N = 1 there is no clean part and the single noised block sees itself (plain DiT).
 *
 * <p>The mask is additive: 0 where attention is allowed and {@link #BLOCKED} elsewhere (a large negative
 * number rather than -inf, which SameDiff's softmax does not survive).
 */
public final class SkipCausalMask {

    /** Added to the logits of forbidden query/key pairs. */
    public static final double BLOCKED = -1e9;

    private final int blocks;
    private final int blockSize;

    public SkipCausalMask(int blocks, int blockSize) {
        this.blocks = blocks;
        this.blockSize = blockSize;
    }

    /** Clean tokens in the training sequence: (N-1)·B. */
    public int cleanTokens() {
        return (blocks - 1) * blockSize;
    }

    /** Length of the training sequence: (2N-1)·B. */
    public int sequenceLength() {
        return (2 * blocks - 1) * blockSize;
    }

    /** The rule, for sequence positions {@code query} and {@code key} of the training sequence. */
    public boolean visible(int query, int key) {
        int c = cleanTokens();
        boolean queryClean = query < c;
        boolean keyClean = key < c;
        int qb = (queryClean ? query : query - c) / blockSize;
        int kb = (keyClean ? key : key - c) / blockSize;
        if (queryClean) {
            return keyClean && kb <= qb;
        }
        return keyClean ? kb < qb : kb == qb;
    }

    /** The whole additive mask (S, S), S = (2N-1)·B. */
    public double[][] full() {
        return window(0, sequenceLength(), 0, sequenceLength());
    }

    /** Rows of clean queries against clean keys: (Lc, Lc), block-causal. */
    public double[][] cleanToClean() {
        return window(0, cleanTokens(), 0, cleanTokens());
    }

    /** Rows of noised queries against every key: (N·B, S). */
    public double[][] noisedToAll() {
        return window(cleanTokens(), sequenceLength(), 0, sequenceLength());
    }

    private double[][] window(int q0, int q1, int k0, int k1) {
        double[][] m = new double[q1 - q0][k1 - k0];
        for (int q = q0; q < q1; q++) {
            for (int k = k0; k < k1; k++) {
                m[q - q0][k - k0] = visible(q, k) ? 0 : BLOCKED;
            }
        }
        return m;
    }

    /** Block-causal mask over {@code tokens} clean tokens in blocks of {@code blockSize}: (T, T). */
    public static double[][] blockCausal(int tokens, int blockSize) {
        double[][] m = new double[tokens][tokens];
        for (int q = 0; q < tokens; q++) {
            for (int k = 0; k < tokens; k++) {
                m[q][k] = k / blockSize <= q / blockSize ? 0 : BLOCKED;
            }
        }
        return m;
    }
}
