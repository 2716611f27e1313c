package org.acdit4j.framework.dsl;

import static org.acdit4j.framework.dsl.DslFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesAndPresetsTest {

    @Test
    void anUnknownKeySuggestsTheClosest() {
        assertProblem("model.dept=6", "model.dept: unknown key; did you mean model.depth?");
        assertProblem("depth=6", "depth: unknown key; did you mean model.depth?");
        assertProblem("train.learningRate=1", "train.learningRate: unknown key; valid keys: " + String.join(", ",
                DslFixture.EXPERIMENT.keys()));
    }

    @Test
    void aMalformedOverrideIsNamed() {
        assertProblem("model.depth", "model.depth: an override must look like key=value (e.g. model.depth=6)");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> DslFixture.spec("model.depth=x", "train.steps=0", "model.rope=2d"))
                .isInstanceOf(SpecException.class)
                .hasMessage("experiment 'fixture' has 3 problems:\n"
                        + "  model.depth: expected an integer, got 'x'\n"
                        + "  model.rope: must be one of multi-axis, 1d, none, got '2d'\n"
                        + "  train.steps: must be at least 1, got 0");
    }

    @Test
    void presetsApplyBeforeTheCommandLine() {
        assertThat(DslFixture.EXPERIMENT.spec("quick", List.of()).train().steps()).isEqualTo(20);
        assertThat(DslFixture.EXPERIMENT.spec("quick", List.of("train.steps=30")).train().steps()).isEqualTo(30);
        assertThat(DslFixture.EXPERIMENT.presets()).containsExactly("quick");
    }

    @Test
    void anUnknownPresetListsTheKnownOnes() {
        assertThatThrownBy(() -> DslFixture.EXPERIMENT.spec("fast", List.of()))
                .hasMessage("experiment 'fixture': --preset: unknown preset 'fast' for fixture; known: quick");
    }

    @Test
    void resolvedValuesCoverEveryKey() {
        assertThat(DslFixture.EXPERIMENT.resolvedValues("quick", List.of()))
                .containsEntry("train.steps", "20")
                .containsEntry("model.rope", "multi-axis")
                .containsEntry("sweep.seeds", "0,1")
                .containsOnlyKeys(DslFixture.EXPERIMENT.keys());
    }
}
