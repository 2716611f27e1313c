package org.acdit4j.experiments.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.junit.jupiter.api.Test;

/** What the experiments call their configurations: the block-size trade-off's named cases, ACDiT's labels elsewhere. */
class DefinitionLabelsTest {

    /** The labels of the first seed's plans. */
    private static List<String> labels(ExperimentDefinition definition, String preset, String... overrides) {
        return SweepPlanner.plan(definition, preset, List.of(overrides)).stream().filter(plan -> plan.seed() == 0)
                .map(RunPlan::label).toList();
    }

    @Test
    void theBlockSizeTradeoffNamesItsBaselines() {
        assertThat(labels(BlockSizeTradeoff.DEFINITION, null)).containsExactly("DiT (AR length 1), patch 4",
                "AR length 4 (block 4), patch 4", "token-wise AR (AR length 16), patch 4",
                "DiT (AR length 1), patch 8, width 128", "token-wise AR (AR length 4), patch 8, width 128",
                "discrete-token AR, patch 4");
        assertThat(labels(BlockSizeTradeoff.DEFINITION, "quick"))
                .containsExactly("DiT (AR length 1)", "AR length 4 (block 4)", "token-wise AR (AR length 16)");
        assertThat(labels(BlockSizeTradeoff.DEFINITION, "paper")).startsWith("DiT (AR length 1, patch 4)",
                "AR length 4 (patch 4, block 16)", "AR length 16 (patch 4, block 4)", "AR length 64 (patch 4, block 1)",
                "DiT (AR length 1, patch 8)");
    }

    @Test
    void commandLineCasesAreLabelledByAcdit() {
        assertThat(labels(BlockSizeTradeoff.DEFINITION, null,
                "sweep.cases=model.patch=8 model.blockSize=1; model.patch=4 model.blockSize=4"))
                .containsExactly("AR length 4 (patch 8, block 1)", "AR length 4 (patch 4, block 4)");
        assertThat(labels(BlockSizeTradeoff.DEFINITION, "smoke"))
                .containsExactly("DiT (AR length 1)", "AR length 4 (block 4)", "discrete-token AR");
    }

    @Test
    void gridsAreLabelledByAcdit() {
        assertThat(labels(Understanding.DEFINITION, null))
                .containsExactly("DiT (AR length 1)", "AR length 4 (block 4)", "AR length 16 (block 1)");
        assertThat(labels(VideoTradeoff.DEFINITION, null)).containsExactly("AR length 8 (1 frame per block)",
                "AR length 4 (2 frames per block)", "AR length 2 (4 frames per block)", "DiT (AR length 1)");
        assertThat(labels(LongHorizon.DEFINITION, null))
                .containsExactly("AR length 8 (1 frame per block)", "AR length 4 (2 frames per block)");
        assertThat(labels(RopeAblation.DEFINITION, null)).containsExactly("multi-axis RoPE", "1-D RoPE", "no RoPE");
        assertThat(labels(ContextAblation.DEFINITION, null)).containsExactly("clean context", "noisy context");
        assertThat(labels(InferenceScaling.DEFINITION, null)).startsWith("DiT (AR length 1, patch 4)",
                "AR length 4 (patch 4, block 16)").contains("AR length 64 (patch 1, block 16)");
    }
}
