package org.acdit4j.model.tokenar;

import java.util.concurrent.atomic.AtomicReference;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.model.core.graph.TransformerSection;

/**
 * The token-AR baseline's {@code model} section. Width, depth, heads, patch, label dropout and MLP ratio mean what
 * they mean for ACDiT, so an arm beside ACDiT sets them alike; {@code codes}, {@code codebookSeed} and
 * {@code codebookPatches} configure the k-means tokenizer.
 */
public final class TokenArSection extends TransformerSection<TokenArSection> {

    int codes = 512;
    long codebookSeed = 1;
    int codebookPatches = 65_536;
    double labelDropout = 0.1;
    int mlpRatio = 4;
    /** The data section seen when the experiment is validated (final: not a dotted key of its own). */
    private final AtomicReference<DataSpec> data = new AtomicReference<>();

    TokenArSection() {
    }

    /** Codebook size K. */
    public TokenArSection codes(int codes) {
        this.codes = codes;
        return this;
    }

    public TokenArSection codebookSeed(long seed) {
        this.codebookSeed = seed;
        return this;
    }

    public TokenArSection codebookPatches(int patches) {
        this.codebookPatches = patches;
        return this;
    }

    public TokenArSection labelDropout(double probability) {
        this.labelDropout = probability;
        return this;
    }

    public TokenArSection mlpRatio(int ratio) {
        this.mlpRatio = ratio;
        return this;
    }

    @Override
    protected void validate(Problems problems) {
        super.validate(problems);
        problems.require(width <= 0 || heads <= 0 || width % heads != 0 || (width / heads) % 4 == 0, "model.heads",
                "must leave a head dim (model.width/model.heads) divisible by 4 for the 2-axis RoPE, got "
                        + (heads > 0 ? width / heads : 0));
        problems.require(codes >= 2 && codes <= 65_536, "model.codes", "must be between 2 and 65536, got " + codes);
        problems.require(codebookPatches >= codes, "model.codebookPatches",
                "must be at least model.codes (" + codes + "), got " + codebookPatches);
        problems.require(labelDropout >= 0 && labelDropout < 1, "model.labelDropout",
                "must be in [0, 1), got " + labelDropout);
        problems.require(mlpRatio >= 1, "model.mlpRatio", "must be at least 1, got " + mlpRatio);
    }

    /** The patch must tile the image; images only (no clips). Remembers the data section for the codebook. */
    @Override
    protected void validateAgainst(DataSpec dataSpec, Problems problems) {
        data.set(dataSpec);
        super.validateAgainst(dataSpec, problems);
        problems.require(dataSpec.frames() <= 1, "data.frames",
                "the token-ar model generates still images only (data.frames=1), got " + dataSpec.frames());
    }

    @Override
    protected TokenArSpec freeze() {
        return new TokenArSpec(width, depth, heads, patch, codes, codebookSeed, codebookPatches, labelDropout, mlpRatio,
                data.get());
    }
}
