package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.Solver;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The analytic FLOPs by objective and solver: the passes cost the same, Heun evaluates 2S - 1 times. */
class AcditFlopsTest {

    private static AcditModel model(int blockSize, DiffusionObjective objective) {
        return TinyModels.model(TinyModels.spec(blockSize, BlockShape.SQUARE).withObjective(objective),
                TinyModels.train(), TinyModels.GRID_8, 1, DataType.FLOAT);
    }

    private static double sampleFlops(AcditModel model, Solver solver, int steps, boolean kvCache) {
        return model.sampleFlopsPerImage(new SampleRequest(new int[] {0}, new DiffusionSampling(solver, steps), 1.5, 0,
                kvCache, true));
    }

    @Test
    void everyObjectiveTrainsAndSamplesAtTheSameCost() {
        AcditModel epsilon = model(4, DiffusionObjective.EPSILON);
        for (DiffusionObjective objective : DiffusionObjective.values()) {
            AcditModel other = model(4, objective);
            assertThat(other.trainFlopsPerStep(64)).isEqualTo(epsilon.trainFlopsPerStep(64));
            assertThat(sampleFlops(other, Solver.DDIM, 10, true))
                    .isEqualTo(sampleFlops(epsilon, Solver.DDIM, 10, true));
        }
    }

    @Test
    void thePluginCountsATrainingStepWithoutBuildingTheModel() {
        for (int blockSize : new int[] {16, 4, 1}) {
            AcditSpec spec = TinyModels.spec(blockSize, BlockShape.SQUARE);
            assertThat(new AcditModelFactory().trainFlopsPerStep(spec, TinyModels.train(), TinyModels.GRID_8))
                    .isEqualTo(model(blockSize, DiffusionObjective.EPSILON).trainFlopsPerStep(TinyModels.train().batch()));
        }
    }

    @Test
    void heunPaysItsSecondEvaluationOnTheNoisedPassOnly() {
        AcditModel dit = model(16, DiffusionObjective.FLOW);                     // one block: noised passes only
        assertThat(sampleFlops(dit, Solver.HEUN, 10, true) / sampleFlops(dit, Solver.EULER, 10, true))
                .isCloseTo(19.0 / 10, within(1e-12));
        AcditModel blocks = model(4, DiffusionObjective.FLOW);
        double euler = sampleFlops(blocks, Solver.EULER, 10, false);
        double heun = sampleFlops(blocks, Solver.HEUN, 10, false);
        double eulerOneStep = sampleFlops(blocks, Solver.EULER, 1, false);
        double heunOneStep = sampleFlops(blocks, Solver.HEUN, 1, false);
        assertThat(heunOneStep).isEqualTo(eulerOneStep);                        // one step is one Euler evaluation
        assertThat(heun - euler).isCloseTo(9 * noisedPerEvaluation(blocks), within(1e-6 * heun));
    }

    /** The noised-pass FLOPs of one evaluation over all blocks of an image, from the cached sampler's increments. */
    private static double noisedPerEvaluation(AcditModel model) {
        return sampleFlops(model, Solver.EULER, 2, true) - sampleFlops(model, Solver.EULER, 1, true);
    }
}
