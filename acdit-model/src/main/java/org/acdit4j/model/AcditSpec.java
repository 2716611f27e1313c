package org.acdit4j.model;

import org.acdit4j.framework.model.ModelConfig;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.graph.TransformerSize;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.LossWeighting;

/**
 * ACDiT's frozen {@code model} section: architecture, block layout and what it is trained for.
 *
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
 * @param objective    what the network predicts on which noise path (the paper: {@code epsilon})
 * @param lossWeighting how the training loss weighs each noise level: {@code uniform} (the plain MSE of the
 *                      objective's target) or {@code min-snr} (min-SNR-γ, γ = {@link AcditConfig#MIN_SNR_GAMMA})
 */
public record AcditSpec(int width, int depth, int heads, int patch, int blockSize, BlockShape blockShape,
                        RopeMode rope, ContextMode context, double labelDropout, int mlpRatio,
                        DiffusionObjective objective, LossWeighting lossWeighting)
        implements ModelConfig, TransformerSize {

    /** The reference configuration of the performance benchmark (docs/PERFORMANCE.md). */
    public static AcditSpec defaults() {
        return new AcditSection().freeze();
    }

    public AcditSpec withObjective(DiffusionObjective trainedFor) {
        return new AcditSpec(width, depth, heads, patch, blockSize, blockShape, rope, context, labelDropout, mlpRatio,
                trainedFor, lossWeighting);
    }

    public AcditSpec withLossWeighting(LossWeighting weighting) {
        return new AcditSpec(width, depth, heads, patch, blockSize, blockShape, rope, context, labelDropout, mlpRatio,
                objective, weighting);
    }
}
