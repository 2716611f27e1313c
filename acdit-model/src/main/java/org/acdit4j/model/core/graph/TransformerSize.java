package org.acdit4j.model.core.graph;

import org.acdit4j.framework.dsl.Problems;

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

    /** The checks every plugin's section makes of its {@code model.width}, {@code model.depth} and {@code model.heads}. */
    static void validate(int width, int depth, int heads, Problems problems) {
        problems.require(width > 0, "model.width", "must be positive, got " + width);
        problems.require(depth > 0, "model.depth", "must be positive, got " + depth);
        problems.require(heads > 0, "model.heads", "must be positive, got " + heads);
        problems.require(heads <= 0 || width % heads == 0, "model.heads",
                "must divide model.width (" + width + "), got " + heads);
    }
}
