package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.core.train.Ema;
import org.acdit4j.model.core.train.LrSchedule;
import org.acdit4j.model.diffusion.Denoiser;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.DiffusionProcess;
import org.acdit4j.model.diffusion.DiffusionSolver;
import org.acdit4j.model.diffusion.EulerSolver;
import org.acdit4j.model.diffusion.HeunSolver;
import org.acdit4j.model.diffusion.NoiseLevel;
import org.acdit4j.model.diffusion.NoiseSchedule;
import org.acdit4j.model.diffusion.RectifiedFlow;
import org.acdit4j.model.diffusion.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SolverAndScheduleTest {

    private final NoiseSchedule schedule = NoiseSchedule.ddpm();

    @Test
    void ddpmScheduleMatchesLinearBetas() {
        assertThat(schedule.alphaBar(0)).isCloseTo(1 - 1e-4, within(1e-12));
        assertThat(schedule.alphaBar(999)).isCloseTo(4.04e-5, within(1e-6));
        assertThat(schedule.samplingGrid(4)).containsExactly(999, 749, 500, 250, -1);
    }

    /** Every solver an objective allows, fed the exact prediction of a single data point, ends on that point. */
    @ParameterizedTest
    @EnumSource(DiffusionObjective.class)
    void solversWithAnExactPredictionLandOnTheData(DiffusionObjective objective) {
        DiffusionProcess process = objective.process();
        float[] x0 = {0.7f, -0.3f, 0.0f, -1.0f};
        for (Solver solver : DiffusionSampling.solversFor(objective)) {
            for (int steps : new int[] {1, 5, 25}) {
                float[] x = {1.2f, -0.4f, 0.9f, 0.1f};
                NoiseLevel[] grid = process.samplingGrid(steps);
                DiffusionSolver s = new DiffusionSampling(solver, steps).solver(objective, process);
                int[] evaluations = {0};
                for (int k = 0; k < steps; k++) {
                    s.step(k, grid, x, (point, at) -> {
                        evaluations[0]++;
                        NoiseLevel level = grid[point];
                        float[] prediction = new float[at.length];
                        for (int i = 0; i < at.length; i++) {
                            double eps = (at[i] - level.alpha() * x0[i]) / level.sigma();
                            prediction[i] = (float) process.target(x0[i], eps, level);
                        }
                        return prediction;
                    });
                }
                assertThat(evaluations[0]).isEqualTo(s.evaluations(steps));
                for (int i = 0; i < x.length; i++) {
                    assertThat((double) x[i]).as("%s with %s, %d steps", objective, solver, steps)
                            .isCloseTo(x0[i], within(1e-4));
                }
            }
        }
    }

    @Test
    void flowGridRunsFromNoiseToDataWithTheModelTimesScaled() {
        NoiseLevel[] grid = new RectifiedFlow().samplingGrid(4);
        assertThat(grid).hasSize(5);
        assertThat(grid[0]).isEqualTo(new NoiseLevel(1000, 0, 1));
        assertThat(grid[1]).isEqualTo(new NoiseLevel(750, 0.25, 0.75));
        assertThat(grid[4]).isEqualTo(NoiseLevel.CLEAN);
        NoiseLevel[] ddpm = DiffusionObjective.V.process().samplingGrid(4);
        assertThat(ddpm[1].modelTime()).isEqualTo(749);
        assertThat(ddpm[1].alpha()).isCloseTo(Math.sqrt(schedule.alphaBar(749)), within(1e-15));
        assertThat(ddpm[4]).isEqualTo(NoiseLevel.CLEAN);
    }

    /**
     * On data N(0, s²) the flow's exact velocity is v(x, t) = x·(t - (1 - t)s²)/((1 - t)²s² + t²), and its ODE carries
     * x₁ to s·x₁ along a curved path: Heun's error shrinks with the square of the step, Euler's (= DDIM) linearly.
     */
    @Test
    void heunIsSecondOrderOnACurvedFlow() {
        double s = 0.3;
        double[] eulerErrors = new double[2];
        double[] heunErrors = new double[2];
        int[] stepCounts = {8, 16};
        RectifiedFlow flow = new RectifiedFlow();
        for (int r = 0; r < 2; r++) {
            NoiseLevel[] grid = flow.samplingGrid(stepCounts[r]);
            Denoiser velocity = (point, at) -> {
                double t = grid[point].sigma();
                float[] v = new float[at.length];
                for (int i = 0; i < at.length; i++) {
                    v[i] = (float) (at[i] * (t - (1 - t) * s * s) / ((1 - t) * (1 - t) * s * s + t * t));
                }
                return v;
            };
            eulerErrors[r] = solveError(new EulerSolver(), grid, velocity, s);
            heunErrors[r] = solveError(new HeunSolver(), grid, velocity, s);
        }
        assertThat(eulerErrors[1] / eulerErrors[0]).isBetween(0.35, 0.65);
        assertThat(heunErrors[1] / heunErrors[0]).isBetween(0.1, 0.35);
        assertThat(heunErrors[1]).isLessThan(eulerErrors[1] / 5);
    }

    private static double solveError(DiffusionSolver solver, NoiseLevel[] grid, Denoiser velocity, double s) {
        float[] x = {1.5f};
        for (int k = 0; k < grid.length - 1; k++) {
            solver.step(k, grid, x, velocity);
        }
        return Math.abs(x[0] - s * 1.5);
    }

    @Test
    void learningRateSchedules() {
        TrainSpec wsd = new TrainSection().steps(100).batch(1).lr(1.0).betas(0.9, 0.999).weightDecay(0).gradClip(0)
                .schedule(LearningRateSchedule.WSD).warmupSteps(10).decayFraction(0.2).ema(0.999).build();
        LrSchedule s = new LrSchedule(wsd);
        assertThat(s.at(0)).isCloseTo(0.1, within(1e-12));
        assertThat(s.at(9)).isCloseTo(1.0, within(1e-12));
        assertThat(s.at(50)).isCloseTo(1.0, within(1e-12));
        assertThat(s.at(90)).isCloseTo(0.5, within(1e-12));
        assertThat(s.at(99)).isCloseTo(0.05, within(1e-12));
        TrainSpec cosine = new TrainSection().steps(110).batch(1).lr(1.0).betas(0.9, 0.999).weightDecay(0).gradClip(0)
                .schedule(LearningRateSchedule.COSINE).warmupSteps(10).decayFraction(0.2).ema(0.999).build();
        assertThat(new LrSchedule(cosine).at(60)).isCloseTo(0.5, within(1e-12));
        TrainSpec constant = new TrainSection().steps(100).batch(1).lr(2.0).betas(0.9, 0.999).weightDecay(0).gradClip(0)
                .schedule(LearningRateSchedule.CONSTANT).warmupSteps(0).decayFraction(0.2).ema(0.999).build();
        assertThat(new LrSchedule(constant).at(77)).isEqualTo(2.0);
    }

    @Test
    void emaDecayWarmsUp() {
        assertThat(Ema.decayAt(0.999, 0)).isCloseTo(0.1, within(1e-12));
        assertThat(Ema.decayAt(0.999, 90)).isCloseTo(0.91, within(1e-12));
        assertThat(Ema.decayAt(0.999, 1_000_000)).isEqualTo(0.999);
    }
}
