package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.graph.RopeNd;
import org.acdit4j.model.core.graph.SkipCausalMask;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.core.layout.TokenLayout;
import org.acdit4j.model.core.sample.KvCache;
import org.acdit4j.model.diffusion.DdimSolver;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.DiffusionProcess;
import org.acdit4j.model.diffusion.Solver;
import org.acdit4j.model.sample.AcditSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Video: blocks of whole frames, 3D RoPE, and rollouts past the trained clip length with a bounded window. */
class VideoModelTest {

    private static final Geometry CLIP_8 = new Geometry(1, 4, 4, 8, 3);   // 8 frames of 2×2 tokens at patch 2

    @ParameterizedTest(name = "{0} frame(s) per block")
    @CsvSource({"1", "2", "4", "8"})
    void skipCausalMaskFollowsTheRuleInFrames(int framesPerBlock) {
        TokenLayout layout = TokenLayout.of(CLIP_8, 2, 4 * framesPerBlock, BlockShape.SQUARE);
        SkipCausalMask mask = new SkipCausalMask(layout.blocks(), layout.blockSize());
        int clean = mask.cleanTokens();
        for (int q = 0; q < mask.sequenceLength(); q++) {
            for (int k = 0; k < mask.sequenceLength(); k++) {
                boolean qClean = q < clean;
                boolean kClean = k < clean;
                int qFrame = layout.position(0, qClean ? q : q - clean);         // time axis of the token
                int kFrame = layout.position(0, kClean ? k : k - clean);
                int qChunk = qFrame / framesPerBlock;
                int kChunk = kFrame / framesPerBlock;
                boolean allowed = (qClean && kClean && kChunk <= qChunk)
                        || (!qClean && kClean && kChunk < qChunk)
                        || (!qClean && !kClean && kChunk == qChunk);
                assertThat(mask.visible(q, k)).as("q=%d k=%d", q, k).isEqualTo(allowed);
            }
        }
        assertThat(clean).isEqualTo((8 / framesPerBlock - 1) * 4 * framesPerBlock);
    }

    @Test
    void ropeScoresDependOnlyOnTheOffsetBetweenFrameRowAndColumn() {
        TokenLayout layout = TokenLayout.of(CLIP_8, 2, 4, BlockShape.SQUARE);
        TokenLayout longer = layout.withFrames(32);
        int headDim = 12;
        RopeNd rope = new RopeNd(RopeMode.MULTI_AXIS, headDim, layout).withPositionsOf(longer);
        double[] q = randomVector(headDim, 1);
        double[] k = randomVector(headDim, 2);
        // Token 3 of frame 0 is (t 0, y 1, x 1), token 0 of frame 2 is (2, 0, 0): offset (-2, 1, 1).
        double reference = score(rope, q, 3, k, 2 * 4);
        for (int shift = 1; shift < 30; shift++) {                              // the same offset shifted in time
            assertThat(score(rope, q, 3 + 4 * shift, k, (2 + shift) * 4)).isCloseTo(reference, within(1e-9));
        }
        // Offset (0, 1, 0) in column 0 and in column 1: (0, 1, 0) against (0, 0, 0), (0, 1, 1) against (0, 0, 1).
        assertThat(score(rope, q, 3, k, 1)).isCloseTo(score(rope, q, 2, k, 0), within(1e-9));
        // Another offset gives another score: each axis matters.
        assertThat(Math.abs(score(rope, q, 3, k, 3 * 4) - reference)).isGreaterThan(1e-3);   // time: (-3, 1, 1)
        assertThat(Math.abs(score(rope, q, 1, k, 2 * 4) - reference)).isGreaterThan(1e-3);   // row: (-2, 0, 1)
        assertThat(Math.abs(score(rope, q, 2, k, 2 * 4) - reference)).isGreaterThan(1e-3);   // column: (-2, 1, 0)
    }

    @Test
    void rolloutOfTheTrainedLengthWithAFullWindowIsTheCachedSample() {
        AcditModel model = TinyModels.model(TinyModels.videoSpec(4, BlockShape.SQUARE), TinyModels.train(),
                TinyModels.CLIP_4, 1, DataType.FLOAT);
        model.randomizeWeights(7, 0.3);
        int[] labels = {0, 1};
        DiffusionProcess process = DiffusionObjective.EPSILON.process();
        AcditSampler sampler = new AcditSampler(model.config(), model.network(), process);
        float[] sample = sampler.sample(labels, new DdimSolver(process), 3, 1.5, 9, true);
        TokenLayout layout = model.config().layout();
        float[] rollout = sampler.sampleFrames(labels, new DdimSolver(process), 3, 1.5, 9,
                layout.withFrames(layout.frames()), layout.frames());
        assertThat(rollout).containsExactly(sample);
    }

    @Test
    void rolloutsGoFourTimesPastTheTrainedClipWithABoundedWindow() {
        AcditModel model = TinyModels.model(TinyModels.videoSpec(4, BlockShape.SQUARE), TinyModels.train(),
                TinyModels.CLIP_4, 1, DataType.FLOAT);
        model.randomizeWeights(7, 0.3);
        assertThat(model.maxWindowFrames()).isEqualTo(3);
        SampleRequest request = new SampleRequest(new int[]{0, 2}, new DiffusionSampling(Solver.DDIM, 2), 1.5, 3,
                true, false);
        ImageBatch clips = model.sampleFrames(request, 16, 2);
        assertThat(clips.geometry().frames()).isEqualTo(16);
        assertThat(clips.size()).isEqualTo(2);
        for (float v : clips.pixels()) {
            assertThat(v).isBetween(-1f, 1f);
        }
        ImageBatch otherWindow = model.sampleFrames(request, 16, 3);
        assertThat(KvCacheEquivalenceTest.maxAbsDiff(clips.pixels(), otherWindow.pixels())).isGreaterThan(1e-3);
    }

    @Test
    void rolloutSettingsOutsideTheTrainedRangeAreRefusedByName() {
        AcditModel video = TinyModels.model(TinyModels.videoSpec(8, BlockShape.SQUARE), TinyModels.train(),
                TinyModels.CLIP_4, 1, DataType.FLOAT);
        SampleRequest request = new SampleRequest(new int[]{0}, new DiffusionSampling(Solver.DDIM, 2), 1.0, 3,
                true, false);
        assertThatThrownBy(() -> video.sampleFrames(request, 16, 3))
                .hasMessageContaining("window=3").hasMessageContaining("1..2");
        assertThatThrownBy(() -> video.sampleFrames(request, 15, 2))
                .hasMessageContaining("frames=15").hasMessageContaining("multiple of the 2 frame(s)");
        AcditModel image = TinyModels.model(TinyModels.spec(4, BlockShape.SQUARE), TinyModels.train(),
                TinyModels.GRID_8, 1, DataType.FLOAT);
        assertThatThrownBy(() -> image.sampleFrames(request, 4, 1)).hasMessageContaining("data.frames >= 2");
    }

    @Test
    void keepLastDropsTheOldestTokensOfEveryLayer() {
        KvCache cache = KvCache.empty(2, 1, 1, 2, DataType.FLOAT);
        for (int block = 0; block < 3; block++) {
            var k = Nd4j.valueArrayOf(new long[]{1, 1, 2, 2}, block, DataType.FLOAT);   // (n, H, B, hd)
            cache.append(java.util.List.of(k, k), java.util.List.of(k.add(10), k.add(10)));
        }
        cache.keepLast(3);
        assertThat(cache.length()).isEqualTo(3);
        for (int layer = 0; layer < 2; layer++) {
            assertThat(cache.key(layer).getFloat(0, 0, 0, 0)).isEqualTo(1f);       // second half of block 1
            assertThat(cache.key(layer).getFloat(0, 0, 2, 1)).isEqualTo(2f);
            assertThat(cache.value(layer).getFloat(0, 0, 0, 0)).isEqualTo(11f);
        }
    }

    /** q at sequence token {@code s} against k at token {@code t} after the rotation: Σ rot(q)·rot(k). */
    private static double score(RopeNd rope, double[] q, int s, double[] k, int t) {
        return dot(rotate(rope, q, s), rotate(rope, k, t));
    }

    private static double[] rotate(RopeNd rope, double[] x, int s) {
        double[] cos = rope.cos(s, s + 1)[0];
        double[] sin = rope.sin(s, s + 1)[0];
        double[][] r = rope.rotation();
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double rotated = 0;
            for (int i = 0; i < x.length; i++) {
                rotated += x[i] * r[i][j];
            }
            out[j] = x[j] * cos[j] + rotated * sin[j];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }

    private static double[] randomVector(int size, long seed) {
        HostRandom random = new HostRandom(seed);
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static org.assertj.core.data.Offset<Double> within(double tolerance) {
        return org.assertj.core.data.Offset.offset(tolerance);
    }
}
