package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.model.Acdit;
import org.acdit4j.model.AcditSpec;
import org.junit.jupiter.api.Test;

/** A sweep case that switches from the body's ACDiT to the token-AR plugin, as block-size-tradeoff's pure-AR arm. */
class ModelSwitchingCaseTest {

    private static final ExperimentDefinition SWEEP = Experiment.define("switching", e -> e
            .data(d -> d.name("synthetic-shapes").size(16))
            .model(Acdit.TYPE, m -> m.width(64).depth(3).heads(4).patch(4))
            .sweep(s -> s.cases(c -> c.model(Acdit.TYPE, m -> m.blockSize(16)), c -> c.model(Acdit.TYPE, m -> m.blockSize(4)),
                    c -> c.named("discrete-token AR").model(TokenAr.TYPE, m -> m.width(64).depth(3).heads(4).patch(4)))));

    private static final List<RunPlan> PLANS = SweepPlanner.plan(SWEEP, null, List.of());

    @Test
    void theCaseKeepsTheSettingsItGaveTheOtherModelInsteadOfItsDefaults() {
        assertThat(PLANS.get(2).spec().model().name()).isEqualTo(TokenAr.NAME);
        TokenArSpec tokenAr = (TokenArSpec) PLANS.get(2).spec().model().config();
        assertThat(List.of(tokenAr.width(), tokenAr.depth(), tokenAr.heads(), tokenAr.patch())).containsExactly(64, 3, 4, 4);
        TokenArSpec defaults = (TokenArSpec) Experiment.define("defaults", e -> e.data(d -> d.name("synthetic-shapes").size(16))
                .model(TokenAr.TYPE, m -> m.patch(4))).spec(null, List.of()).model().config();
        assertThat(defaults.width()).as("token-AR's own default width differs").isNotEqualTo(64);
        AcditSpec acdit = (AcditSpec) PLANS.get(1).spec().model().config();
        assertThat(List.of(acdit.width(), acdit.blockSize())).containsExactly(64, 4);
    }

    @Test
    void theBodysModelKeepsItsRunNamesAndOnlyTheSwitchingCaseSweepsTheModelName() {
        assertThat(PLANS).extracting(RunPlan::name).containsExactly("blockSize16-seed0", "blockSize4-seed0", "token-ar-seed0");
        assertThat(PLANS.get(0).assignments()).doesNotContainKey("model.name");
        assertThat(PLANS.get(2).spec().sweep().sweptKeys()).containsExactlyInAnyOrder("model.name", "model.blockSize");
        assertThat(PLANS).extracting(RunPlan::label).containsExactly("DiT (AR length 1)", "AR length 4 (block 4)",
                "discrete-token AR");
    }

    @Test
    void aPlanReplayedFromItsAssignmentsResolvesTheSameConfiguration() {
        RunPlan tokenAr = PLANS.get(2);
        assertThat(SWEEP.resolvedValues(null, List.of(), tokenAr.assignments())).containsEntry("model.name", "token-ar")
                .containsEntry("model.width", "64").containsEntry("model.depth", "3");
    }
}
