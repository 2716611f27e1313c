package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;

/**
 * The context half of the paper's Fig. 6b: the Skip-Causal mask lets noised blocks attend the clean copies of
 * earlier blocks; the ablation feeds those copies noised instead. Both at AR length 4 (block 4 of {@link CpuScale}'s
 * 16 tokens; block 16 of 64 tokens in the {@code paper} preset). The clean-context arm is the block-size trade-off's
 * patch-4 block-4 training, which a shared runs folder reuses (track.reuseTraining).
 */
public final class ContextAblation {

    public static final ExperimentDefinition DEFINITION = Experiment.define("context-ablation", e -> e
            .description("Clean vs noisy context (ACDiT Fig. 6b) at AR length 4: FID, precision/recall and class "
                    + "agreement.")
            .with(AblationAtArLength4.arms("model.context", "clean", "noisy")));

    private ContextAblation() {
    }
}
