package org.acdit4j.framework.dsl;

import static org.acdit4j.framework.dsl.DslFixture.assertProblem;
import static org.acdit4j.framework.dsl.DslFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.junit.jupiter.api.Test;

class TrainSectionTest {

    @Test
    void defaultsAndOverrides() {
        assertThat(spec().train().schedule()).isEqualTo(LearningRateSchedule.WSD);
        assertThat(spec().train().lr()).isEqualTo(3e-4);
        assertThat(spec("train.steps=1_000", "train.lr=1e-3").train().steps()).isEqualTo(1000);
        assertThat(spec("train.lr=1e-3").train().lr()).isEqualTo(1e-3);
        assertThat(spec().train().microBatches()).isEqualTo(1);
        assertThat(spec("train.microBatches=4").train().microBatches()).isEqualTo(4);
    }

    /** Modes are set by their text and written back as it, as the run's configuration and the tracker hold them. */
    @Test
    void modesAreSetAndWrittenByTheirText() {
        assertThat(spec("train.schedule=cosine").train().schedule()).isEqualTo(LearningRateSchedule.COSINE);
        assertThat(DslFixture.EXPERIMENT.resolvedValues(null, List.of("train.schedule=constant")))
                .containsEntry("train.schedule", "constant");
    }

    @Test
    void aModeSetToNullListsTheTexts() {
        assertThatThrownBy(() -> new TrainSection().schedule(null).build())
                .isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).problems()).containsExactly(
                        "train.schedule: must be one of constant, cosine, wsd, got null"));
    }

    /** The loss weighting moved to the models that weigh their loss; the test plugin has none, so it is dropped. */
    @Test
    void theRetiredLossWeightingIsDroppedForAModelWithoutIt() {
        assertThat(DslFixture.EXPERIMENT.resolvedValues(null, List.of("train.lossWeighting=min-snr")))
                .doesNotContainKeys("train.lossWeighting", "model.lossWeighting")
                .isEqualTo(DslFixture.EXPERIMENT.resolvedValues(null, List.of()));
    }

    @Test
    void everyValidationError() {
        assertProblem("train.steps=0", "train.steps: must be at least 1, got 0");
        assertProblem("train.batch=0", "train.batch: must be at least 1, got 0");
        assertProblem("train.lr=0", "train.lr: must be a positive number, got 0.0");
        assertProblem("train.lr=NaN", "train.lr: must be a positive number, got NaN");
        assertProblem("train.beta1=1", "train.beta1: must be in [0, 1), got 1.0");
        assertProblem("train.beta2=-0.1", "train.beta2: must be in [0, 1), got -0.1");
        assertProblem("train.weightDecay=-1", "train.weightDecay: must be >= 0, got -1.0");
        assertProblem("train.gradClip=-1", "train.gradClip: must be >= 0 (0 = off), got -1.0");
        assertProblem("train.schedule=linear", "train.schedule: must be one of constant, cosine, wsd, got 'linear'");
        assertProblem("train.warmupSteps=101", "train.warmupSteps: must be between 0 and train.steps (100), got 101");
        assertProblem("train.decayFraction=1.5", "train.decayFraction: must be in [0, 1], got 1.5");
        assertProblem("train.ema=1", "train.ema: must be in [0, 1), got 1.0");
        assertProblem("train.lr=fast", "train.lr: expected a number, got 'fast'");
        assertProblem("train.microBatches=0", "train.microBatches: must be at least 1 and divide train.batch (8), got 0");
        assertProblem("train.microBatches=3", "train.microBatches: must be at least 1 and divide train.batch (8), got 3");
    }
}
