package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.dsl.SpecException;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.LossWeighting;
import org.acdit4j.model.diffusion.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ACDiT's own {@code model.*} and {@code sample.*} keys: defaults, overrides and every validation error. */
class AcditSectionTest {

    private static final ExperimentDefinition EXPERIMENT = Experiment.define("acdit-keys", e -> e
            .data(d -> d.name("synthetic-shapes").size(16))
            .model(Acdit.TYPE, m -> m.width(64).depth(2).heads(2).patch(2).blockSize(4)));

    private static final SectionKeys KEYS = new SectionKeys(EXPERIMENT);

    @Test
    void defaultsAndOverrides() {
        assertThat(KEYS.spec().model().config()).isEqualTo(new AcditSpec(64, 2, 2, 2, 4, BlockShape.SQUARE,
                RopeMode.MULTI_AXIS, ContextMode.CLEAN, 0.1, 4, DiffusionObjective.EPSILON, LossWeighting.UNIFORM));
        assertThat(((AcditSpec) KEYS.spec("model.depth=6", "model.rope=1d").model().config()).depth()).isEqualTo(6);
        assertThat(KEYS.spec().sample().sampler()).isEqualTo(new DiffusionSampling(Solver.DDIM, 25));
        assertThat(KEYS.spec("sample.solver=dpm-solver++", "sample.steps=5").sample().sampler())
                .isEqualTo(new DiffusionSampling(Solver.DPM_SOLVER_PLUS_PLUS, 5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            model.width=-2 | model.width: must be positive, got -2
            model.depth=0 | model.depth: must be positive, got 0
            model.heads=3 | model.heads: must divide model.width (64), got 3
            model.patch=3 | model.patch: must divide data.size (16), got 3
            model.blockSize=0 | model.blockSize: must be at least 1 token, got 0
            model.blockSize=65 | model.blockSize: must be at most the 64 tokens of a 16x16 image at patch 2, got 65
            model.blockShape=diagonal | model.blockShape: must be one of square, rows, got 'diagonal'
            model.rope=2d | model.rope: must be one of multi-axis, 1d, none, got '2d'
            model.context=dirty | model.context: must be one of clean, noisy, got 'dirty'
            model.labelDropout=1 | model.labelDropout: must be in [0, 1), got 1.0
            model.mlpRatio=0 | model.mlpRatio: must be at least 1, got 0
            model.lossWeighting=snr | model.lossWeighting: must be one of uniform, min-snr, got 'snr'
            sample.solver=rk4 | sample.solver: must be one of ddim, dpm-solver++, euler, heun, got 'rk4'
            sample.steps=0 | sample.steps: must be between 1 and 1000, got 0
            """)
    void everyValidationError(String override, String problem) {
        KEYS.assertProblem(override, problem);
    }

    @Test
    void theObjectiveIsBoundByNameFromTheCommandLineAndTheDsl() {
        assertThat(((AcditSpec) KEYS.spec().model().config()).objective()).isEqualTo(DiffusionObjective.EPSILON);
        assertThat(((AcditSpec) KEYS.spec("model.objective=v")
                .model().config()).objective()).isEqualTo(DiffusionObjective.V);
        assertThat(((AcditSpec) KEYS.spec("model.objective=flow", "sample.solver=heun").model().config()).objective())
                .isEqualTo(DiffusionObjective.FLOW);
        ExperimentSpec flow = Experiment.define("flow", e -> e
                .data(d -> d.name("synthetic-shapes").size(16))
                .model(Acdit.TYPE, m -> m.width(64).depth(2).heads(2).patch(2).objective(DiffusionObjective.FLOW))
                .sampler(Acdit.TYPE, s -> s.solver(Solver.EULER))).spec(null, List.of());
        assertThat(((AcditSpec) flow.model().config()).objective()).isEqualTo(DiffusionObjective.FLOW);
        assertThat(EXPERIMENT.keys()).contains("model.objective");
    }

    /** What {@code sample} and {@code resume} rebuild from a checkpoint's configuration. */
    @Test
    void aStoredConfigurationGivesTheObjectiveItWasTrainedWithAndEpsilonWithoutOne() {
        Map<String, String> stored = new HashMap<>(Map.of("data.name", "synthetic-shapes", "data.size", "16",
                "model.name", "acdit", "sample.solver", "ddim"));
        assertThat(((AcditSpec) Experiment.fromConfiguration(Acdit.TYPE, stored).model().config()).objective())
                .isEqualTo(DiffusionObjective.EPSILON);
        stored.put("model.objective", "flow");
        stored.put("sample.solver", "heun");
        ExperimentSpec flow = Experiment.fromConfiguration(Acdit.TYPE, stored);
        assertThat(((AcditSpec) flow.model().config()).objective()).isEqualTo(DiffusionObjective.FLOW);
        assertThat(flow.sample().sampler()).isEqualTo(new DiffusionSampling(Solver.HEUN, 25));
        stored.put("model.objective", "v");
        assertThatThrownBy(() -> Experiment.fromConfiguration(Acdit.TYPE, stored)).isInstanceOf(SpecException.class)
                .hasMessageContaining("sample.solver: heun integrates the flow's velocity");
    }

    /** Configurations stored before issue 31 hold the loss weighting as train.lossWeighting. */
    @Test
    void theRetiredTrainLossWeightingIsReadAsModelLossWeighting() {
        assertThat(((AcditSpec) KEYS.spec("train.lossWeighting=min-snr").model().config()).lossWeighting())
                .isEqualTo(LossWeighting.MIN_SNR);
        assertThat(EXPERIMENT.resolvedValues(null, List.of("train.lossWeighting=min-snr")))
                .containsEntry("model.lossWeighting", "min-snr").doesNotContainKey("train.lossWeighting");
        Map<String, String> stored = Map.of("data.name", "synthetic-shapes", "data.size", "16", "model.name", "acdit",
                "train.lossWeighting", "min-snr");
        assertThat(((AcditSpec) Experiment.fromConfiguration(Acdit.TYPE, stored).model().config()).lossWeighting())
                .isEqualTo(LossWeighting.MIN_SNR);
        KEYS.assertProblem("train.lossWeighting=snr",
                "model.lossWeighting: must be one of uniform, min-snr, got 'snr'");
        assertThatThrownBy(() -> KEYS.spec("train.lossWeighting=min-snr", "model.lossWeighting=uniform"))
                .isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).problems()).containsExactly("model.lossWeighting: "
                        + "given twice (as train.lossWeighting and model.lossWeighting); allowed: each key once, "
                        + "by its name today"));
    }

    @Test
    void objectiveErrorsNameTheKeyAndTheAllowedValues() {
        KEYS.assertProblem("model.objective=x0", "model.objective: must be one of epsilon, v, flow, got 'x0'");
        KEYS.assertProblem("model.objective=EPSILON",
                "model.objective: must be one of epsilon, v, flow, got 'EPSILON'");
        assertThatThrownBy(() -> KEYS.spec("sample.solver=heun")).isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).problems()).containsExactly("sample.solver: heun "
                        + "integrates the flow's velocity and needs model.objective=flow; with model.objective=epsilon "
                        + "use one of ddim, dpm-solver++"));
        assertThatThrownBy(() -> KEYS.spec("model.objective=v", "sample.solver=euler"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("with model.objective=v use one of ddim, dpm-solver++");
        for (String objective : List.of("epsilon", "v", "flow")) {
            assertThat(KEYS.spec("model.objective=" + objective, "sample.solver=dpm-solver++").sample().sampler())
                    .isEqualTo(new DiffusionSampling(Solver.DPM_SOLVER_PLUS_PLUS, 25));
        }
    }

    /** What the run's configuration and the tracker hold: each mode's text, as before it was an enum. */
    @Test
    void modesAreSetByTheirTextAndWrittenBackAsIt() {
        List<String> overrides = List.of("model.blockShape=rows", "model.blockSize=8", "model.rope=1d",
                "model.context=noisy", "model.lossWeighting=min-snr", "sample.solver=dpm-solver++");
        ExperimentSpec spec = EXPERIMENT.spec(null, overrides);
        assertThat((AcditSpec) spec.model().config()).extracting("blockShape", "rope", "context", "lossWeighting")
                .containsExactly(BlockShape.ROWS, RopeMode.ONE_D, ContextMode.NOISY, LossWeighting.MIN_SNR);
        assertThat(EXPERIMENT.resolvedValues(null, overrides)).containsEntry("model.blockShape", "rows")
                .containsEntry("model.rope", "1d").containsEntry("model.context", "noisy")
                .containsEntry("model.lossWeighting", "min-snr")
                .containsEntry("model.objective", "epsilon").containsEntry("sample.solver", "dpm-solver++");
    }

    @Test
    void aModeADefinitionSetsToNullIsOneProblemNamingItsTexts() {
        assertThatThrownBy(() -> Experiment.define("nulls", e -> e
                .data(d -> d.name("synthetic-shapes").size(16))
                .model(Acdit.TYPE, m -> m.width(64).depth(2).heads(2).patch(2).rope(null).context(null)
                        .objective(null).lossWeighting(null))
                .sampler(Acdit.TYPE, s -> s.solver(null))).spec(null, List.of()))
                .isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).problems()).containsExactlyInAnyOrder(
                        "model.rope: must be one of multi-axis, 1d, none, got null",
                        "model.context: must be one of clean, noisy, got null",
                        "model.objective: must be one of epsilon, v, flow, got null",
                        "model.lossWeighting: must be one of uniform, min-snr, got null",
                        "sample.solver: must be one of ddim, dpm-solver++, euler, heun, got null"));
    }

    @Test
    void headsAndPatchZeroAreReportedWithoutFollowUpErrors() {
        KEYS.assertProblem("model.heads=0", "model.heads: must be positive, got 0");
        KEYS.assertProblem("model.patch=0", "model.patch: must be positive, got 0");
    }
}
