package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.system.RunThreads;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.Solver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** A sampling call on two lanes draws the images one lane draws: each image keeps its noise, whatever the split. */
class ParallelSamplingTest {

    @AfterEach
    void forgetThreads() {
        System.clearProperty(RunThreads.PROPERTY);
    }

    @Test
    void twoLanesDrawTheImagesOfOneLane() {
        for (boolean kvCache : new boolean[] {true, false}) {
            SampleRequest request = new SampleRequest(new int[] {0, 1, 2, 0, 1},
                    new DiffusionSampling(Solver.DPM_SOLVER_PLUS_PLUS, 3), 1.5, 9, kvCache, false);
            float[] oneLane = samples(1, request);
            float[] twoLanes = samples(2, request);
            float[] threeLanes = samples(3, request);
            assertThat(twoLanes).as("kvCache=" + kvCache).containsExactly(oneLane);
            assertThat(threeLanes).as("kvCache=" + kvCache).containsExactly(oneLane);
        }
    }

    private static float[] samples(int threads, SampleRequest request) {
        System.setProperty(RunThreads.PROPERTY, String.valueOf(threads));
        AcditModel model = TinyModels.model(TinyModels.spec(4, BlockShape.SQUARE), TinyModels.train(),
                TinyModels.GRID_8, 5, DataType.FLOAT);
        model.randomizeWeights(4, 0.3);
        return model.sample(request).pixels();
    }
}
