package org.acdit4j.model.graph;

/**
 * The sizes of a pre-norm transformer as its {@code model.*} keys give them; the head dim and MLP width follow.
 */
public interface TransformerSize {

    /** Hidden size D. */
    int width();

    /** Number of transformer layers. */
    int depth();

    /** Attention heads H (they divide D). */
    int heads();

    /** MLP hidden size as a multiple of D. */
    int mlpRatio();

    /** hd = D / H. */
    default int headDim() {
        return width() / heads();
    }

    /** M = D · mlpRatio. */
    default int mlpWidth() {
        return width() * mlpRatio();
    }
}
