package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.diffusion.DdimSolver;
import org.acdit4j.model.diffusion.DiffusionSolver;
import org.acdit4j.model.diffusion.DpmSolverPlusPlus2M;
import org.acdit4j.model.diffusion.NoiseSchedule;
import org.acdit4j.model.train.Ema;
import org.acdit4j.model.train.LrSchedule;
import org.junit.jupiter.api.Test;

class SolverAndScheduleTest {

    private final NoiseSchedule schedule = NoiseSchedule.ddpm();

    @Test
    void ddpmScheduleMatchesLinearBetas() {
        assertThat(schedule.alphaBar(0)).isCloseTo(1 - 1e-4, within(1e-12));
        assertThat(schedule.alphaBar(999)).isCloseTo(4.04e-5, within(1e-6));
        assertThat(schedule.samplingGrid(4)).containsExactly(999, 749, 500, 250, -1);
    }

    @Test
    void solversWithAnExactNoisePredictionLandOnTheData() {
        for (DiffusionSolver solver : new DiffusionSolver[] {new DdimSolver(schedule), new DpmSolverPlusPlus2M(schedule)}) {
            for (int steps : new int[] {1, 5, 25}) {
                float[] x0 = {0.7f, -0.3f, 0.0f, -1.0f};
                float[] x = {1.2f, -0.4f, 0.9f, 0.1f};
                int[] grid = schedule.samplingGrid(steps);
                DiffusionSolver s = solver.fresh();
                for (int k = 0; k < steps; k++) {
                    double a = schedule.alphaBar(grid[k]);
                    float[] eps = new float[x.length];
                    for (int i = 0; i < x.length; i++) {
                        eps[i] = (float) ((x[i] - Math.sqrt(a) * x0[i]) / Math.sqrt(1 - a));
                    }
                    s.step(k, grid, x, eps);
                }
                for (int i = 0; i < x.length; i++) {
                    assertThat((double) x[i]).as("%s, %d steps", solver.getClass().getSimpleName(), steps)
                            .isCloseTo(x0[i], within(1e-4));
                }
            }
        }
    }

    @Test
    void learningRateSchedules() {
        TrainSpec wsd = new TrainSpec(100, 1, 1.0, 0.9, 0.999, 0, 0, "wsd", 10, 0.2, 0.999, "uniform");
        LrSchedule s = new LrSchedule(wsd);
        assertThat(s.at(0)).isCloseTo(0.1, within(1e-12));
        assertThat(s.at(9)).isCloseTo(1.0, within(1e-12));
        assertThat(s.at(50)).isCloseTo(1.0, within(1e-12));
        assertThat(s.at(90)).isCloseTo(0.5, within(1e-12));
        assertThat(s.at(99)).isCloseTo(0.05, within(1e-12));
        TrainSpec cosine = new TrainSpec(110, 1, 1.0, 0.9, 0.999, 0, 0, "cosine", 10, 0.2, 0.999, "uniform");
        assertThat(new LrSchedule(cosine).at(60)).isCloseTo(0.5, within(1e-12));
        TrainSpec constant = new TrainSpec(100, 1, 2.0, 0.9, 0.999, 0, 0, "constant", 0, 0.2, 0.999, "uniform");
        assertThat(new LrSchedule(constant).at(77)).isEqualTo(2.0);
    }

    @Test
    void emaDecayWarmsUp() {
        assertThat(Ema.decayAt(0.999, 0)).isCloseTo(0.1, within(1e-12));
        assertThat(Ema.decayAt(0.999, 90)).isCloseTo(0.91, within(1e-12));
        assertThat(Ema.decayAt(0.999, 1_000_000)).isEqualTo(0.999);
    }
}
