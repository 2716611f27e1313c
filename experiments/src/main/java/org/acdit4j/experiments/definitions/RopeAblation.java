package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;

/**
 * The position half of the paper's Fig. 6b: multi-axis RoPE (row and column rotated separately) against a
 * 1-D RoPE over the raster order and no position encoding at all, at AR length 4 (block 4 of {@link CpuScale}'s 16
 * tokens; block 16 of 64 tokens in the {@code paper} preset). The multi-axis arm is the block-size trade-off's
 * patch-4 block-4 training, which a shared runs folder reuses (track.reuseTraining).
 */
public final class RopeAblation {

    public static final ExperimentDefinition DEFINITION = Experiment.define("rope-ablation", e -> e
            .description("Multi-axis vs 1-D vs no RoPE (ACDiT Fig. 6b) at AR length 4: FID, precision/recall and "
                    + "class agreement.")
            .with(AblationAtArLength4.arms("model.rope", "multi-axis", "1d", "none"))
            .preset("smoke", p -> p.with(AblationAtArLength4::smoke)
                    .sweep(s -> s.grid("model.rope", "multi-axis", "none"))));

    private RopeAblation() {
    }
}
