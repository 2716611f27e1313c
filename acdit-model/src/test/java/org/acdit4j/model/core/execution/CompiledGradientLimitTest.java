package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The compiled gradient keeps its intermediate arrays between calls while they fit its byte limit and gives the
 * session's loss and gradients, also when the batch size changes between calls; over the limit it frees them after
 * each call and still gives the session's values. The limit follows the JVM's cap on its resident set.
 */
class CompiledGradientLimitTest {

    private static final Set<String> PARAMETERS = Set.of("w", "b", "v");

    /** loss = mean((tanh(x·w + b) · v)²) for x (n, 4). */
    private static SameDiff graph() {
        SameDiff sd = SameDiff.create();
        Nd4j.getRandom().setSeed(3);
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 4);
        SDVariable w = sd.var("w", Nd4j.rand(DataType.FLOAT, 4, 8).subi(0.5));
        SDVariable b = sd.var("b", Nd4j.rand(DataType.FLOAT, 8).subi(0.5));
        SDVariable v = sd.var("v", Nd4j.rand(DataType.FLOAT, 8, 2).subi(0.5));
        SDVariable y = sd.math.tanh(x.mmul(w).add(b)).mmul(v);                          // (n, 2)
        y.mul(y).mean().rename("loss").markAsLoss();
        GradientFunctions.ensure(sd);
        return sd;
    }

    private static Map<String, INDArray> feed(int n) {
        Nd4j.getRandom().setSeed(n);
        return Map.of("x", Nd4j.rand(DataType.FLOAT, n, 4).subi(0.5));                  // (n, 4)
    }

    private static void assertAsTheSession(SameDiff sd, Map<String, INDArray> feed, LossAndGradients actual) {
        Map<String, INDArray> expected = sd.calculateGradients(feed, List.copyOf(PARAMETERS));
        assertThat(actual.loss()).isEqualTo(sd.output(feed, "loss").get("loss").getDouble(0));
        PARAMETERS.forEach(p -> assertThat(actual.gradients().get(p)).as(p).isEqualTo(expected.get(p)));
    }

    @Test
    void underTheLimitTheArraysAreKeptAndEveryCallAgreesWithTheSession() {
        SameDiff sd = graph();
        CompiledGradient kept = CompiledGradient.withRetainedBytesLimit(sd, "loss", PARAMETERS, 1L << 20);
        assertThat(kept.keepsArrays()).isFalse();                                       // undecided before a call
        for (int n : new int[] {5, 5, 3}) {
            assertAsTheSession(sd, feed(n), kept.lossAndGradients(feed(n)));
            assertThat(kept.keepsArrays()).isTrue();
        }
    }

    @Test
    void overTheLimitEveryCallFreesItsArraysAndAgreesWithTheSession() {
        SameDiff sd = graph();
        CompiledGradient tooLarge = CompiledGradient.withRetainedBytesLimit(sd, "loss", PARAMETERS, 0);
        for (int n : new int[] {5, 5, 3}) {
            assertAsTheSession(sd, feed(n), tooLarge.lossAndGradients(feed(n)));
            assertThat(tooLarge.keepsArrays()).isFalse();
        }
    }

    @Test
    void theLimitIsHalfTheResidentSetCapSplitOverTheLanesButNeverBelowOneGibibyte() {
        long gib = 1L << 30;
        assertThat(CompiledGradient.retainedBytesLimit(0, 1)).isEqualTo(gib);             // no cap
        assertThat(CompiledGradient.retainedBytesLimit(12 * gib, 1)).isEqualTo(6 * gib);
        assertThat(CompiledGradient.retainedBytesLimit(12 * gib, 2)).isEqualTo(3 * gib);
        assertThat(CompiledGradient.retainedBytesLimit(3 * gib, 2)).isEqualTo(gib);       // 0.75 GiB, raised to 1
    }
}
