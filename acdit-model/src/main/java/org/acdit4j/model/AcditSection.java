package org.acdit4j.model;

import java.util.Optional;
import java.util.Set;
import org.acdit4j.framework.dsl.LabelPart;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.dsl.SamplerSection;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.graph.TransformerSection;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.LossWeighting;

/**
 * ACDiT's {@code model} section: architecture, block layout and what it is trained for (objective, loss weighting). The defaults are the performance benchmark's
 * reference configuration (docs/PERFORMANCE.md). Checks that need the dataset's geometry (RoPE axes, token grid)
 * run in {@link AcditModelFactory#validate} before any run starts.
 */
public final class AcditSection extends TransformerSection<AcditSection> {

    int blockSize = 4;
    BlockShape blockShape = BlockShape.SQUARE;
    RopeMode rope = RopeMode.MULTI_AXIS;
    ContextMode context = ContextMode.CLEAN;
    double labelDropout = 0.1;
    int mlpRatio = 4;
    DiffusionObjective objective = DiffusionObjective.EPSILON;
    LossWeighting lossWeighting = LossWeighting.UNIFORM;

    AcditSection() {
    }

    /** Tokens per autoregressive block: 1 = token-wise AR, all tokens = full-sequence diffusion (a DiT). */
    public AcditSection blockSize(int tokens) {
        this.blockSize = tokens;
        return this;
    }

    public AcditSection blockShape(BlockShape shape) {
        this.blockShape = shape;
        return this;
    }

    public AcditSection rope(RopeMode mode) {
        this.rope = mode;
        return this;
    }

    public AcditSection context(ContextMode mode) {
        this.context = mode;
        return this;
    }

    public AcditSection labelDropout(double probability) {
        this.labelDropout = probability;
        return this;
    }

    public AcditSection mlpRatio(int ratio) {
        this.mlpRatio = ratio;
        return this;
    }

    /** What the network predicts on which noise path: {@code epsilon} (the paper), {@code v} or {@code flow}. */
    public AcditSection objective(DiffusionObjective trainedFor) {
        this.objective = trainedFor;
        return this;
    }

    /** How the loss weighs each noise level: {@code uniform} or {@code min-snr} (was {@code train.lossWeighting}). */
    public AcditSection lossWeighting(LossWeighting weighting) {
        this.lossWeighting = weighting;
        return this;
    }

    @Override
    protected void validate(Problems problems) {
        super.validate(problems);
        problems.require(blockSize > 0, "model.blockSize", "must be at least 1 token, got " + blockSize);
        problems.require(labelDropout >= 0 && labelDropout < 1, "model.labelDropout",
                "must be in [0, 1), got " + labelDropout);
        problems.require(mlpRatio >= 1, "model.mlpRatio", "must be at least 1, got " + mlpRatio);
    }

    /** The solver must sample the objective. */
    @Override
    protected void validateSampler(SamplerSection sampler, Problems problems) {
        if (objective != null && sampler instanceof DiffusionSamplerSection diffusion) {
            String problem = DiffusionSampling.solverProblem(diffusion.solver, objective);
            problems.require(problem == null, "sample.solver", problem);
        }
    }

    /** The patch must tile the image, the block the token grid. */
    @Override
    protected void validateAgainst(DataSpec data, Problems problems) {
        super.validateAgainst(data, problems);
        if (patch <= 0 || blockSize <= 0) {
            return;
        }
        int frames = Math.max(1, data.frames());
        int tokens = frames * (data.size() / patch) * (data.size() / patch);
        String example = frames > 1 ? frames + "-frame " + data.size() + "x" + data.size() + " clip"
                : data.size() + "x" + data.size() + " image";
        problems.require(blockSize <= tokens, "model.blockSize",
                "must be at most the " + tokens + " tokens of a " + example + " at patch " + patch + ", got "
                        + blockSize);
    }

    /** {@code AR length 4 (block 4)}, {@code DiT (AR length 1)}, {@code no RoPE}…: see {@link AcditLabel}. */
    @Override
    protected Optional<LabelPart> describe(Set<String> sweptKeys, DataSpec data) {
        return AcditLabel.of(freeze(), data, sweptKeys);
    }

    @Override
    protected AcditSpec freeze() {
        return new AcditSpec(width, depth, heads, patch, blockSize, blockShape, rope, context, labelDropout, mlpRatio,
                objective, lossWeighting);
    }
}
