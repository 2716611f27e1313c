package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.Solver;
import org.acdit4j.model.diffusion.LossWeighting;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class EncodeAndAblationTest {

    @Test
    void encodeGivesOneMeanPooledVectorPerImageAndLayer() {
        AcditModel model = TinyModels.model(TinyModels.spec(4, BlockShape.SQUARE), TinyModels.train(),
                TinyModels.GRID_8, 1, DataType.FLOAT);
        model.randomizeWeights(2, 0.3);
        ImageBatch batch = TinyModels.randomBatch(TinyModels.GRID_8, 3, 5);
        float[][] last = model.encode(batch);
        float[][] first = model.encode(batch, 0);
        assertThat(last).hasNumberOfRows(3);
        assertThat(last[0]).hasSize(32);
        assertThat(KvCacheEquivalenceTest.maxAbsDiff(last[0], last[1])).isGreaterThan(1e-4);
        assertThat(KvCacheEquivalenceTest.maxAbsDiff(last[0], first[0])).isGreaterThan(1e-4);
        // the clean stream ignores labels: relabelled images give the same features
        ImageBatch relabelled = new ImageBatch(batch.geometry(), batch.pixels(), new int[] {2, 2, 2});
        assertThat(model.encode(relabelled)).isDeepEqualTo(last);
    }

    @Test
    void noisyContextAndOtherRopeModesTrainAndSample() {
        for (AcditSpec spec : List.of(ablation(ContextMode.NOISY, RopeMode.MULTI_AXIS),
                ablation(ContextMode.CLEAN, RopeMode.ONE_D), ablation(ContextMode.CLEAN, RopeMode.NONE))) {
            String variant = spec.context() + "/" + spec.rope();
            AcditModel model = TinyModels.model(spec, TinyModels.train(), TinyModels.GRID_8, 1, DataType.FLOAT);
            double loss = model.trainStep(TinyModels.randomBatch(TinyModels.GRID_8, 4, 1)).loss();
            assertThat(loss).as(variant).isFinite().isPositive();
            model.randomizeWeights(4, 0.3);
            float[] a = model.sample(new SampleRequest(new int[] {0, 1}, new DiffusionSampling(Solver.DDIM, 2), 1.0,
                    9, true, false)).pixels();
            float[] b = model.sample(new SampleRequest(new int[] {0, 1}, new DiffusionSampling(Solver.DDIM, 2), 1.0,
                    9, false, false)).pixels();
            assertThat(KvCacheEquivalenceTest.maxAbsDiff(a, b)).as(variant).isLessThan(1e-3);
        }
    }

    /** The one-layer model of an ablation arm: its context and RoPE modes. */
    private static AcditSpec ablation(ContextMode context, RopeMode rope) {
        return new AcditSpec(32, 1, 2, 2, 4, BlockShape.SQUARE, rope, context, 0.1, 2, DiffusionObjective.EPSILON,
                LossWeighting.UNIFORM);
    }
}
