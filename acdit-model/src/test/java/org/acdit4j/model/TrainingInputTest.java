package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.DiffusionProcess;
import org.acdit4j.model.diffusion.NoiseLevel;
import org.acdit4j.model.diffusion.NoiseSchedule;
import org.acdit4j.model.diffusion.RectifiedFlow;
import org.acdit4j.model.graph.AcditNetwork;
import org.acdit4j.model.diffusion.LossWeighting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;

/** What one training step feeds the graph: per-block noise levels and targets, context copies, weights, labels. */
class TrainingInputTest {

    private static final ImageBatch BATCH = TinyModels.randomBatch(TinyModels.GRID_8, 6, 4);

    private static AcditNetwork.TrainingInput input(ContextMode context, LossWeighting weighting,
                                                    DiffusionObjective objective) {
        AcditSpec spec = new AcditSpec(32, 2, 2, 2, 4, BlockShape.SQUARE, RopeMode.MULTI_AXIS, context, 0.1, 4,
                objective, weighting);
        TrainSpec train = new TrainSection().steps(10).batch(6).lr(1e-3).betas(0.9, 0.999).weightDecay(0).gradClip(1)
                .schedule(LearningRateSchedule.CONSTANT).warmupSteps(0).decayFraction(0.1).ema(0.99).build();
        return TinyModels.model(spec, train, TinyModels.GRID_8, 5, DataType.FLOAT).trainingInput(BATCH, false);
    }

    private static float[] patches() {
        return AcditConfig.of(TinyModels.spec(4, BlockShape.SQUARE), TinyModels.train(), TinyModels.GRID_8,
                DataType.FLOAT)
                .layout().patchify(BATCH.pixels(), 6);
    }

    @ParameterizedTest
    @EnumSource(DiffusionObjective.class)
    void everyBlockIsNoisedAtItsOwnLevelAndTheTargetGivesBackTheData(DiffusionObjective objective) {
        AcditNetwork.TrainingInput in = input(ContextMode.CLEAN, LossWeighting.UNIFORM, objective);
        DiffusionProcess process = objective.process();
        float[] x0 = patches();
        int values = 4 * 4;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                NoiseLevel level = in.levels()[i][j];
                double unit = objective == DiffusionObjective.FLOW ? level.alpha() + level.sigma()   // straight path
                        : level.alpha() * level.alpha() + level.sigma() * level.sigma();        // variance-preserving
                assertThat(unit).isCloseTo(1, within(1e-9));
                for (int v = (i * 4 + j) * values; v < (i * 4 + j + 1) * values; v++) {
                    double eps = process.noiseEstimate(in.target()[v], in.noised()[v], level);
                    assertThat(process.dataEstimate(in.target()[v], in.noised()[v], level)).isCloseTo(x0[v], within(1e-3));
                    assertThat((double) in.noised()[v]).isCloseTo(level.alpha() * x0[v] + level.sigma() * eps,
                            within(1e-4));
                }
            }
        }
        assertThat(Arrays.stream(in.levels()).flatMap(Arrays::stream).mapToDouble(NoiseLevel::modelTime).distinct()
                .count()).isGreaterThan(12);
        // clean context = x0 of blocks 0..N-2
        assertThat(in.clean()[5]).isEqualTo(x0[5]);
        assertThat(in.clean()[3 * values + 2]).isEqualTo(x0[4 * values + 2]);  // image 1, block 0
    }

    @Test
    void theTargetIsEpsilonVOrTheVelocity() {
        float[] x0 = patches();
        AcditNetwork.TrainingInput eps = input(ContextMode.CLEAN, LossWeighting.UNIFORM, DiffusionObjective.EPSILON);
        AcditNetwork.TrainingInput v = input(ContextMode.CLEAN, LossWeighting.UNIFORM, DiffusionObjective.V);
        NoiseLevel level = eps.levels()[2][1];
        assertThat(v.levels()[2][1]).isEqualTo(level);                      // the same draws, another target
        int value = (2 * 4 + 1) * 16 + 7;
        double noise = eps.target()[value];
        assertThat((double) v.target()[value]).isCloseTo(level.alpha() * noise - level.sigma() * x0[value], within(1e-5));
        AcditNetwork.TrainingInput flow = input(ContextMode.CLEAN, LossWeighting.UNIFORM, DiffusionObjective.FLOW);
        NoiseLevel t = flow.levels()[2][1];
        assertThat(t.modelTime()).isCloseTo(RectifiedFlow.MODEL_TIME_SCALE * t.sigma(), within(1e-9));
        assertThat(t.alpha()).isCloseTo(1 - t.sigma(), within(1e-12));
        double flowNoise = (flow.noised()[value] - t.alpha() * x0[value]) / t.sigma();
        assertThat((double) flow.target()[value]).isCloseTo(flowNoise - x0[value], within(1e-3));
    }

    @Test
    void flowTimesAreLogitNormal() {
        RectifiedFlow flow = new RectifiedFlow();
        HostRandom random = new HostRandom(3);
        int draws = 20_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
            double t = flow.drawTrainingLevel(random).sigma();
            assertThat(t).isStrictlyBetween(0.0, 1.0);
            double logit = Math.log(t / (1 - t));
            sum += logit;
            squares += logit * logit;
        }
        double mean = sum / draws;
        assertThat(mean).isCloseTo(0, within(0.03));
        assertThat(Math.sqrt(squares / draws - mean * mean)).isCloseTo(1, within(0.03));
    }

    @Test
    void noisyContextUsesTheNoisedBlocks() {
        AcditNetwork.TrainingInput in = input(ContextMode.NOISY, LossWeighting.UNIFORM, DiffusionObjective.EPSILON);
        int values = 4 * 4;
        for (int v = 0; v < 3 * values; v++) {
            assertThat(in.clean()[v]).isEqualTo(in.noised()[v]);
        }
    }

    @Test
    void minSnrWeightsEachBlockForItsTarget() {
        AcditNetwork.TrainingInput eps = input(ContextMode.CLEAN, LossWeighting.MIN_SNR, DiffusionObjective.EPSILON);
        AcditNetwork.TrainingInput v = input(ContextMode.CLEAN, LossWeighting.MIN_SNR, DiffusionObjective.V);
        AcditNetwork.TrainingInput flow = input(ContextMode.CLEAN, LossWeighting.MIN_SNR, DiffusionObjective.FLOW);
        NoiseSchedule s = NoiseSchedule.ddpm();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                int token = (i * 4 + j) * 4 + 1;
                double alphaBar = s.alphaBar((int) eps.levels()[i][j].modelTime());
                double snr = alphaBar / (1 - alphaBar);
                assertThat((double) eps.tokenWeights()[token]).isCloseTo(Math.min(snr, 5) / snr, within(1e-5));
                assertThat((double) v.tokenWeights()[token]).isCloseTo(Math.min(snr, 5) / (snr + 1), within(1e-5));
                double t = flow.levels()[i][j].sigma();
                assertThat((double) flow.tokenWeights()[token]).isCloseTo(Math.min((1 - t) * (1 - t), 5 * t * t),
                        within(1e-6));
            }
        }
        assertThat(input(ContextMode.CLEAN, LossWeighting.UNIFORM,
                DiffusionObjective.EPSILON).tokenWeights()).containsOnly(1f);
        assertThat(input(ContextMode.CLEAN, LossWeighting.UNIFORM,
                DiffusionObjective.FLOW).tokenWeights()).containsOnly(1f);
    }

    @Test
    void labelDropoutReplacesAboutOneInTenByTheNullLabel() {
        AcditSpec spec = TinyModels.spec(4, BlockShape.SQUARE);
        AcditModel model = TinyModels.model(spec, TinyModels.train(), TinyModels.GRID_8, 5, DataType.FLOAT);
        ImageBatch big = TinyModels.randomBatch(TinyModels.GRID_8, 2000, 1);
        long dropped = Arrays.stream(model.trainingInput(big, true).labels()).filter(l -> l == 3).count();
        assertThat(dropped).isBetween(150L, 250L);
        assertThat(Arrays.stream(model.trainingInput(big, false).labels()).filter(l -> l == 3).count()).isZero();
    }
}
