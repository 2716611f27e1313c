package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.execution.GraphExecution;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.core.sample.KvCache;
import org.acdit4j.model.graph.AcditNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** ACDiT's sampling passes give the same values compiled as through {@code SameDiff.output}, on random weights. */
class CompiledPassesTest {

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(1, BlockShape.SQUARE),     // token-wise AR: heads folded into the query rows
                Arguments.of(4, BlockShape.SQUARE),     // folded, 2×2 blocks
                Arguments.of(8, BlockShape.ROWS));      // per-head attention
    }

    @ParameterizedTest(name = "block {0} {1}")
    @MethodSource("layouts")
    void cleanAndNoisedPassesEqualSameDiff(int blockSize, BlockShape shape) {
        AcditModel model = tinyModel(blockSize, shape);
        model.randomizeWeights(7, 0.3);
        AcditConfig c = model.config();
        AcditNetwork compiled = model.network();
        AcditNetwork reference = new AcditNetwork(c, compiled.weights(), GraphExecution.SAMEDIFF);
        int n = 3;
        int b = blockSize;
        int p = c.layout().tokenSize();
        HostRandom random = new HostRandom(5);

        float[] prefix = values(random, n * 2 * b * p);                      // two clean blocks, block-causal
        AcditNetwork.CleanOutput prefixOut = compiled.cleanPass(prefix, n, 0, 2 * b, empty(c, n), true);
        assertSame(prefixOut, reference.cleanPass(prefix, n, 0, 2 * b, empty(c, n), true));

        KvCache cache = KvCache.of(prefixOut.keys(), prefixOut.values());
        float[] next = values(random, n * b * p);                            // the third block given the prefix
        AcditNetwork.CleanOutput nextOut = compiled.cleanPass(next, n, 2 * b, b, cache, false);
        assertSame(nextOut, reference.cleanPass(next, n, 2 * b, b, cache, false));
        cache.append(nextOut.keys(), nextOut.values());

        int groups = 2 * n;                                                  // both CFG halves of every image
        KvCache context = compiled.contextForGroups(cache, 2);
        int[] labels = {0, 3, 1, 3, 2, 3};
        for (int step = 0; step < 2; step++) {                               // the second call reuses the arrays
            float[] noised = values(random, groups * b * p);
            double[] t = {900 - step, 901, 500, 501, 20, 21};
            KvCacheEquivalenceTest.assertClose(compiled.noisedPass(noised, groups, 3, t, labels, context),
                    reference.noisedPass(noised, groups, 3, t, labels, context), 1e-5);
            INDArray hidden = compiled.noisedHidden(noised, groups, 3, t, labels, context, 1);
            assertThat(hidden.equalsWithEps(reference.noisedHidden(noised, groups, 3, t, labels, context, 1), 1e-5))
                    .isTrue();
        }
    }

    /**
     * A sampler computes each solver step's condition once and feeds it to every block: a condition kept while
     * others are computed and used must still give what a fresh one gives.
     */
    @ParameterizedTest(name = "block {0} {1}")
    @MethodSource("layouts")
    void aKeptConditionServesLaterBlocks(int blockSize, BlockShape shape) {
        AcditModel model = tinyModel(blockSize, shape);
        model.randomizeWeights(11, 0.3);
        AcditConfig c = model.config();
        AcditNetwork network = model.network();
        int n = 2;
        int b = blockSize;
        int p = c.layout().tokenSize();
        HostRandom random = new HostRandom(3);
        AcditNetwork.CleanOutput prefix = network.cleanPass(values(random, n * b * p), n, 0, b, empty(c, n), true);
        KvCache context = network.contextForGroups(KvCache.of(prefix.keys(), prefix.values()), 2);
        int[] labels = {1, 3, 2, 3};                                         // 3 = the null label
        double[] early = {950, 950, 950, 950};
        double[] late = {40, 40, 40, 40};
        AcditNetwork.NoisedCondition kept = network.condition(early, labels);
        float[] first = values(random, 2 * n * b * p);
        float[] firstEps = network.noisedPass(network.rope(), first, 1, kept, context);
        network.noisedPass(network.rope(), values(random, 2 * n * b * p), 1, network.condition(late, labels), context);

        KvCacheEquivalenceTest.assertClose(network.noisedPass(network.rope(), first, 1, kept, context), firstEps, 0);
        KvCacheEquivalenceTest.assertClose(network.noisedPass(first, 2 * n, 1, early, labels, context), firstEps, 0);
        assertThat(kept.groups()).isEqualTo(2 * n);
    }

    @ParameterizedTest(name = "block {0} {1}")
    @MethodSource("layouts")
    void mismatchedTimestepsLabelsAndGroupsAreRefused(int blockSize, BlockShape shape) {
        AcditModel model = tinyModel(blockSize, shape);
        AcditNetwork network = model.network();
        int p = model.config().layout().tokenSize();
        AcditNetwork.CleanOutput prefix = network.cleanPass(new float[blockSize * p], 1, 0, blockSize,
                empty(model.config(), 1), true);
        KvCache context = KvCache.of(prefix.keys(), prefix.values());
        assertThatThrownBy(() -> network.condition(new double[] {10, 20}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2 timesteps for 1 labels");
        assertThatThrownBy(() -> network.noisedPass(new float[blockSize * p], 2, 1, new double[] {10}, new int[] {1},
                context)).isInstanceOf(IllegalArgumentException.class).hasMessage("1 timesteps for 2 query groups");
    }

    /** {@link TinyModels}' model for 16×16 one-channel images in 3 classes. */
    private static AcditModel tinyModel(int blockSize, BlockShape shape) {
        Geometry g = Geometry.image(1, 16, 16, 3);
        return TinyModels.model(TinyModels.spec(g, blockSize, shape), TinyModels.train(), g, 1, DataType.FLOAT);
    }

    private static void assertSame(AcditNetwork.CleanOutput actual, AcditNetwork.CleanOutput expected) {
        assertEqual(actual.keys(), expected.keys());
        assertEqual(actual.values(), expected.values());
        assertEqual(actual.hidden(), expected.hidden());
    }

    private static void assertEqual(List<INDArray> actual, List<INDArray> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int l = 0; l < actual.size(); l++) {
            assertThat(actual.get(l).shape()).isEqualTo(expected.get(l).shape());
            assertThat(actual.get(l).equalsWithEps(expected.get(l), 1e-5)).as("layer " + l).isTrue();
        }
    }

    private static KvCache empty(AcditConfig c, int images) {
        return KvCache.empty(c.depth(), images, c.heads(), c.headDim(), c.dataType());
    }

    private static float[] values(HostRandom random, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }
}
