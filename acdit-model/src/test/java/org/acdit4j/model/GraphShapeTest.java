package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.model.TrainStepResult;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.Solver;
import org.acdit4j.model.graph.AcditGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/** The two ends of the interpolation: one block of all tokens (DiT) and one token per block. */
class GraphShapeTest {

    @Test
    void blockOfAllTokensHasNoCleanStream() {
        AcditModel model = squareBlocksOf(16);
        assertThat(model.mask().sequenceLength()).isEqualTo(16);
        SameDiff sd = model.network().training();
        assertThat(sd.hasVariable(AcditGraph.CLEAN)).isFalse();
        assertThat(sd.hasVariable("mask_n")).isFalse();
        ImageBatch batch = TinyModels.randomBatch(TinyModels.GRID_8, 2, 1);
        float[] prediction = model.network().trainingPrediction(model.trainingInput(batch, false));
        assertThat(prediction).hasSize(2 * 16 * 4);
        TrainStepResult r = model.trainStep(batch);
        assertThat(r.loss()).isFinite().isPositive();
        assertThat(r.step()).isEqualTo(1);
    }

    @Test
    void blockOfOneTokenIsTokenWiseAutoregression() {
        AcditModel model = squareBlocksOf(1);
        assertThat(model.mask().sequenceLength()).isEqualTo(31);
        SameDiff sd = model.network().training();
        assertThat(sd.getVariable(AcditGraph.CLEAN).placeholderShape()).containsExactly(-1L, 4L);
        assertThat(sd.getArrForVarName("mask_n").shape()).containsExactly(16L, 31L);
        assertThat(sd.getArrForVarName("mask_cc").shape()).containsExactly(15L, 15L);
        ImageBatch batch = TinyModels.randomBatch(TinyModels.GRID_8, 2, 1);
        assertThat(model.trainStep(batch).loss()).isFinite().isPositive();
        ImageBatch samples = model.sample(new SampleRequest(new int[] {0, 3}, new DiffusionSampling(Solver.DDIM, 2),
                1.5, 1, true, false));
        assertThat(samples.pixels()).hasSize(2 * 64);
    }

    /** {@link TinyModels#spec}'s model of 16 tokens in square blocks of {@code blockSize}. */
    private static AcditModel squareBlocksOf(int blockSize) {
        return TinyModels.model(TinyModels.spec(blockSize, BlockShape.SQUARE), TinyModels.train(), TinyModels.GRID_8, 1,
                DataType.FLOAT);
    }
}
