package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.system.RunThreads;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.Solver;
import org.acdit4j.model.sample.AcditSampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A sampling call on two lanes draws the images one lane draws: each image keeps its noise, whatever the split; and
 * a call splits only where each lane gets enough work.
 */
class ParallelSamplingTest {

    @AfterEach
    void forgetSettings() {
        System.clearProperty(RunThreads.PROPERTY);
        System.clearProperty(AcditSampler.LANE_WORK_PROPERTY);
    }

    @Test
    void aCallSplitsOnlyIntoPartsWorthALane() {
        double minWork = AcditSampler.MIN_LANE_WORK;
        assertThat(AcditSampler.lanesFor(2, 64, 16, 64, 3, minWork)).as("experiments' model, 64 images").isEqualTo(1);
        assertThat(AcditSampler.lanesFor(2, 64, 64, 128, 4, minWork)).as("reference model, 64 images").isEqualTo(2);
        assertThat(AcditSampler.lanesFor(16, 64, 64, 128, 4, minWork)).as("reference model on 16 threads").isEqualTo(8);
        assertThat(AcditSampler.lanesFor(4, 3, 64, 128, 4, 0)).as("no least work: a lane per image").isEqualTo(3);
        assertThat(AcditSampler.lanesFor(1, 1000, 64, 128, 4, minWork)).isEqualTo(1);
    }

    @Test
    void aBadLeastWorkIsOneLineNamingTheProperty() {
        System.setProperty(AcditSampler.LANE_WORK_PROPERTY, "lots");
        SampleRequest request = new SampleRequest(new int[] {0, 1}, new DiffusionSampling(Solver.DPM_SOLVER_PLUS_PLUS, 2),
                1.5, 9, true, false);
        assertThatThrownBy(() -> samples(2, request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dacdit.samplingLaneWork must be a number of at least 0, got 'lots'");
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

    /** The tiny model's samples on {@code threads} lanes, its calls split whatever their work. */
    private static float[] samples(int threads, SampleRequest request) {
        System.setProperty(RunThreads.PROPERTY, String.valueOf(threads));
        System.setProperty(AcditSampler.LANE_WORK_PROPERTY,
                System.getProperty(AcditSampler.LANE_WORK_PROPERTY, "0"));
        AcditModel model = TinyModels.model(TinyModels.spec(4, BlockShape.SQUARE), TinyModels.train(),
                TinyModels.GRID_8, 5, DataType.FLOAT);
        model.randomizeWeights(4, 0.3);
        return model.sample(request).pixels();
    }
}
