package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.dsl.LabelPart;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The labels ACDiT derives for sweeps without case names: AR length, frames per block, patch, ablations. */
class AcditLabelTest {

    /** 16×16 images at patch 4: 16 tokens. */
    private static final ExperimentDefinition IMAGES = Experiment.define("images", e -> e
            .data(d -> d.name("synthetic-shapes").size(16))
            .model(Acdit.TYPE, m -> m.width(16).depth(1).heads(2).patch(4).blockSize(4)));

    /** 8-frame clips of 16×16 frames at patch 4: 16 tokens per frame, 128 per clip. */
    private static final ExperimentDefinition CLIPS = Experiment.define("clips", e -> e
            .data(d -> d.name("moving-mnist").size(16).frames(8))
            .model(Acdit.TYPE, m -> m.width(16).depth(1).heads(2).patch(4).blockSize(16)));

    private static List<String> labels(ExperimentDefinition definition, String... overrides) {
        return SweepPlanner.plan(definition, null, List.of(overrides)).stream().map(RunPlan::label).toList();
    }

    /**
     * One setting swept alone: block sizes by their AR length (one block is a DiT), depth, ablations and objectives in
     * words, and a setting without words as {@code key=value}.
     */
    static Stream<Arguments> settingsSweptAlone() {
        return Stream.of(
                Arguments.of("model.blockSize=16,4,1",
                        List.of("DiT (AR length 1)", "AR length 4 (block 4)", "AR length 16 (block 1)")),
                Arguments.of("model.depth=1,2", List.of("depth 1", "depth 2")),
                Arguments.of("model.rope=multi-axis,1d,none", List.of("multi-axis RoPE", "1-D RoPE", "no RoPE")),
                Arguments.of("model.objective=epsilon,v,flow",
                        List.of("epsilon-prediction", "v-prediction", "flow matching")),
                Arguments.of("model.mlpRatio=2,4", List.of("model.mlpRatio=2", "model.mlpRatio=4")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settingsSweptAlone")
    void aSettingSweptAloneNamesEachRun(String grid, List<String> expected) {
        assertThat(labels(IMAGES, "sweep.grid." + grid)).containsExactlyElementsOf(expected);
    }

    @Test
    void clipBlocksOfWholeFramesAreCountedInFrames() {
        assertThat(labels(CLIPS, "sweep.grid.model.blockSize=16,32,128,4"))
                .containsExactly("AR length 8 (1 frame per block)", "AR length 4 (2 frames per block)",
                        "DiT (AR length 1)", "AR length 32 (block 4)");
    }

    @Test
    void aSweptPatchJoinsTheBlockAndAloneCountsTheTokens() {
        assertThat(labels(IMAGES, "sweep.cases=model.patch=8 model.blockSize=1; model.patch=4 model.blockSize=4; "
                + "model.patch=8 model.blockSize=4"))
                .containsExactly("AR length 4 (patch 8, block 1)", "AR length 4 (patch 4, block 4)",
                        "DiT (AR length 1, patch 8)");
        assertThat(labels(IMAGES, "model.blockSize=1", "sweep.grid.model.patch=4,8"))
                .containsExactly("patch 4 (16 tokens)", "patch 8 (4 tokens)");
        ConfigurationLabels sweep = IMAGES.labels(null, List.of("sweep.grid.model.patch=4,8", "sweep.grid.model.blockSize=1,4"));
        assertThat(sweep.of(java.util.Map.of("model.patch", "8", "model.blockSize", "4"), List.of("model.patch")))
                .isEqualTo("patch 8 (4 tokens)");
    }

    @Test
    void aSweptModelSizeComesFirst() {
        assertThat(labels(IMAGES, "sweep.cases=model.width=32 model.heads=2 model.blockSize=16; "
                + "model.width=64 model.heads=4 model.blockSize=4"))
                .containsExactly("width 32 (2 heads), DiT (AR length 1)", "width 64 (4 heads), AR length 4 (block 4)");
    }

    @Test
    void ablationsAndTheModelNameInWords() {
        assertThat(labels(IMAGES, "sweep.grid.model.context=clean,noisy", "sweep.grid.model.blockShape=square,rows"))
                .containsExactly("square blocks, clean context", "row blocks, clean context",
                        "square blocks, noisy context", "row blocks, noisy context");
        // a sweep over model plugins (cases selecting another model.name) names the ACDiT cases
        assertThat(AcditLabel.of((AcditSpec) IMAGES.spec(null, List.of()).model().config(), DataSpec.of("mnist", 16),
                Set.of("model.name", "model.blockSize", "sample.guidance")))
                .contains(new LabelPart("ACDiT, AR length 4 (block 4)", Set.of("model.name", "model.blockSize")));
    }

    @Test
    void objectivesInWordsBeforeTheArLength() {
        assertThat(labels(IMAGES, "sweep.grid.model.objective=v,flow", "sweep.grid.model.blockSize=16,1"))
                .containsExactly("v-prediction, DiT (AR length 1)", "v-prediction, AR length 16 (block 1)",
                        "flow matching, DiT (AR length 1)", "flow matching, AR length 16 (block 1)");
    }
}
