package org.acdit4j.framework.spec;

/**
 * The model section of an experiment: which registered model and its architecture.
 *
 * @param name         registered model name, e.g. {@code acdit}
 * @param width        hidden size D
 * @param depth        number of transformer blocks
 * @param heads        attention heads (width must divide evenly)
 * @param patch        patch side p: a token is a p×p patch of every channel
 * @param blockSize    tokens per autoregressive block (1 = token-wise AR, all tokens = full diffusion)
 * @param blockShape   {@code square} (s×s token groups) or {@code rows} (whole token rows); frames for video
 * @param rope         {@code multi-axis}, {@code 1d} or {@code none}
 * @param context      {@code clean} (the paper) or {@code noisy} (ablation: context blocks are noised)
 * @param labelDropout probability of replacing the label by the null label while training
 * @param mlpRatio     MLP hidden size as a multiple of width
 */
public record ModelSpec(String name, int width, int depth, int heads, int patch, int blockSize,
                        String blockShape, String rope, String context, double labelDropout, int mlpRatio) {

    /** The reference configuration of the performance benchmark (DESIGN.md). */
    public static ModelSpec defaults() {
        return new ModelSpec("acdit", 128, 4, 4, 4, 4, "square", "multi-axis", "clean", 0.1, 4);
    }

    public ModelSpec withBlockSize(int tokens) {
        return new ModelSpec(name, width, depth, heads, patch, tokens, blockShape, rope, context, labelDropout, mlpRatio);
    }
}
