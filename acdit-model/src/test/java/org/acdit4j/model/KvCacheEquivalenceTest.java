package org.acdit4j.model;

import static org.acdit4j.model.core.layout.BlockShape.ROWS;
import static org.acdit4j.model.core.layout.BlockShape.SQUARE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.core.layout.TokenLayout;
import org.acdit4j.model.core.sample.KvCache;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.Solver;
import org.acdit4j.model.graph.AcditNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/** The KV-cached passes compute what the training graph computes, and both samplers agree, for every objective. */
class KvCacheEquivalenceTest {

    /** Every layout with the paper's objective; v and flow on one layout of each attention path and on video. */
    static Stream<Arguments> layouts() {
        Stream<Arguments> epsilon = Stream.of(
                Arguments.of(DiffusionObjective.EPSILON, "image", 4, SQUARE),    // N = 4 square 2×2 blocks
                Arguments.of(DiffusionObjective.EPSILON, "image", 8, ROWS),      // N = 2 blocks of two token rows
                Arguments.of(DiffusionObjective.EPSILON, "image", 16, SQUARE),   // N = 1: plain DiT
                Arguments.of(DiffusionObjective.EPSILON, "image", 1, SQUARE),    // N = L: token-wise AR
                Arguments.of(DiffusionObjective.EPSILON, "video", 4, SQUARE),    // one frame per block, N = 4
                Arguments.of(DiffusionObjective.EPSILON, "video", 8, SQUARE),    // two frames per block, N = 2
                Arguments.of(DiffusionObjective.EPSILON, "video", 16, SQUARE),   // the whole clip, N = 1
                Arguments.of(DiffusionObjective.EPSILON, "video", 1, SQUARE));   // one token per block in frames
        Stream<Arguments> others = Stream.of(DiffusionObjective.V, DiffusionObjective.FLOW).flatMap(objective ->
                Stream.of(
                        Arguments.of(objective, "image", 4, SQUARE),             // folded heads
                        Arguments.of(objective, "image", 8, ROWS),               // heads attended one by one
                        Arguments.of(objective, "video", 4, SQUARE)));
        return Stream.concat(epsilon, others);
    }

    /** A solver each objective samples with: the paper's DPM-Solver++(2M), and Heun (two evaluations a step) for flow. */
    static Solver solverFor(DiffusionObjective objective) {
        return objective == DiffusionObjective.FLOW ? Solver.HEUN : Solver.DPM_SOLVER_PLUS_PLUS;
    }

    static Geometry geometry(String kind) {
        return "video".equals(kind) ? TinyModels.CLIP_4 : TinyModels.GRID_8;
    }

    @ParameterizedTest(name = "{0}: {1} block {2} {3}")
    @MethodSource("layouts")
    void cachedPredictionEqualsTrainingGraph(DiffusionObjective objective, String kind, int blockSize,
                                             BlockShape shape) {
        Geometry g = geometry(kind);
        AcditModel model = TinyModels.model(TinyModels.spec(g, blockSize, shape).withObjective(objective),
                TinyModels.train(), g, 1, DataType.FLOAT);
        model.randomizeWeights(7, 0.3);
        ImageBatch batch = TinyModels.randomBatch(g, 3, 11);
        AcditNetwork.TrainingInput in = model.trainingInput(batch, false);
        float[] reference = model.network().trainingPrediction(in);             // (n, L, P)

        TokenLayout layout = model.config().layout();
        int n = batch.size();
        int b = layout.blockSize();
        int values = b * layout.tokenSize();
        AcditConfig c = model.config();
        KvCache cache = KvCache.empty(c.depth(), n, c.heads(), c.headDim(), c.dataType());
        for (int block = 0; block < layout.blocks(); block++) {
            float[] noised = slice(in.noised(), n, layout.blocks(), block, values);
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = in.levels()[i][block].modelTime();
            }
            float[] prediction = model.network().noisedPass(noised, n, block, t, in.labels(), cache);
            float[] expected = slice(reference, n, layout.blocks(), block, values);
            assertClose(prediction, expected, 1e-4);
            if (block < layout.blocks() - 1) {
                float[] clean = slice(in.clean(), n, layout.blocks() - 1, block, values);
                AcditNetwork.CleanOutput out = model.network().cleanPass(clean, n, block * b, b, cache, false);
                cache.append(out.keys(), out.values());
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1} block {2} {3}")
    @MethodSource("layouts")
    void cachedAndUncachedSamplersDrawTheSameImages(DiffusionObjective objective, String kind, int blockSize,
                                                     BlockShape shape) {
        AcditModel model = TinyModels.model(TinyModels.spec(geometry(kind), blockSize, shape).withObjective(objective),
                TinyModels.train(), geometry(kind), 1, DataType.FLOAT);
        model.randomizeWeights(7, 0.3);
        int[] labels = {0, 2, 3};
        DiffusionSampling solver = new DiffusionSampling(solverFor(objective), 3);
        ImageBatch cached = model.sample(new SampleRequest(labels, solver, 1.5, 5, true, false));
        ImageBatch uncached = model.sample(new SampleRequest(labels, solver, 1.5, 5, false, false));
        assertClose(cached.pixels(), uncached.pixels(), 1e-3);
        assertThat(model.network().cleanPassesHeld()).isLessThanOrEqualTo(4); // one prefix length per block, bounded
        ImageBatch other = model.sample(new SampleRequest(labels, solver, 1.5, 6, true, false));
        assertThat(maxAbsDiff(cached.pixels(), other.pixels())).isGreaterThan(1e-2);
    }

    private static float[] slice(float[] all, int n, int blocks, int block, int values) {
        float[] out = new float[n * values];
        for (int i = 0; i < n; i++) {
            System.arraycopy(all, (i * blocks + block) * values, out, i * values, values);
        }
        return out;
    }

    static void assertClose(float[] actual, float[] expected, double relative) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertThat(scale).isGreaterThan(1e-3);
        assertThat(maxAbsDiff(actual, expected) / scale).isLessThanOrEqualTo(relative);
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
