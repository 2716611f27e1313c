package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.diffusion.NoiseSchedule;
import org.acdit4j.model.graph.AcditNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** What one training step feeds the graph: per-block timesteps and noise, context copies, weights, labels. */
class TrainingInputTest {

    private static final ImageBatch BATCH = TinyModels.randomBatch(TinyModels.GRID_8, 6, 4);

    private static AcditNetwork.TrainingInput input(String context, String weighting, boolean drop) {
        AcditSpec spec = new AcditSpec(32, 2, 2, 2, 4, "square", "multi-axis", context, 0.1, 4);
        TrainSpec train = new TrainSpec(10, 6, 1e-3, 0.9, 0.999, 0, 1, "constant", 0, 0.1, 0.99, weighting);
        return TinyModels.model(spec, train, TinyModels.GRID_8, 5, DataType.FLOAT).trainingInput(BATCH, drop);
    }

    @Test
    void everyBlockIsNoisedWithItsOwnTimestep() {
        AcditNetwork.TrainingInput in = input("clean", "uniform", false);
        NoiseSchedule s = NoiseSchedule.ddpm();
        float[] x0 = AcditConfig.of(TinyModels.spec(4, "square"), TinyModels.train(), TinyModels.GRID_8, DataType.FLOAT)
                .layout().patchify(BATCH.pixels(), 6);
        int values = 4 * 4;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                double a = s.alphaBar(in.timesteps()[i][j]);
                int v = (i * 4 + j) * values + 3;
                assertThat((double) in.noised()[v]).isCloseTo(Math.sqrt(a) * x0[v] + Math.sqrt(1 - a) * in.eps()[v], within(1e-5));
            }
        }
        assertThat(Arrays.stream(in.timesteps()).flatMapToInt(Arrays::stream).distinct().count()).isGreaterThan(12);
        // clean context = x0 of blocks 0..N-2
        assertThat(in.clean()[5]).isEqualTo(x0[5]);
        assertThat(in.clean()[3 * values + 2]).isEqualTo(x0[4 * values + 2]);  // image 1, block 0
    }

    @Test
    void noisyContextUsesTheNoisedBlocks() {
        AcditNetwork.TrainingInput in = input("noisy", "uniform", false);
        int values = 4 * 4;
        for (int v = 0; v < 3 * values; v++) {
            assertThat(in.clean()[v]).isEqualTo(in.noised()[v]);
        }
    }

    @Test
    void minSnrWeightsEachBlock() {
        AcditNetwork.TrainingInput in = input("clean", "min-snr", false);
        NoiseSchedule s = NoiseSchedule.ddpm();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                double snr = s.snr(in.timesteps()[i][j]);
                assertThat((double) in.tokenWeights()[(i * 4 + j) * 4 + 1]).isCloseTo(Math.min(snr, 5) / snr, within(1e-6));
            }
        }
        assertThat(input("clean", "uniform", false).tokenWeights()).containsOnly(1f);
    }

    @Test
    void labelDropoutReplacesAboutOneInTenByTheNullLabel() {
        AcditSpec spec = TinyModels.spec(4, "square");
        AcditModel model = TinyModels.model(spec, TinyModels.train(), TinyModels.GRID_8, 5, DataType.FLOAT);
        ImageBatch big = TinyModels.randomBatch(TinyModels.GRID_8, 2000, 1);
        long dropped = Arrays.stream(model.trainingInput(big, true).labels()).filter(l -> l == 3).count();
        assertThat(dropped).isBetween(150L, 250L);
        assertThat(Arrays.stream(model.trainingInput(big, false).labels()).filter(l -> l == 3).count()).isZero();
    }
}
