package org.acdit4j.model.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/**
 * The compiled gradient keeps its intermediate arrays between calls only while they fit its byte limit, and gives
 * the session's loss and gradients either way, also when the batch size changes between calls.
 */
class CompiledGradientLimitTest {

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

    @Test
    void keepsArraysUnderTheLimitFreesThemOverItAndAgreesWithTheSession() {
        SameDiff sd = graph();
        Set<String> parameters = Set.of("w", "b", "v");
        CompiledGradient kept = CompiledGradient.of(sd, "loss", parameters, 1L << 20);
        CompiledGradient freed = CompiledGradient.of(sd, "loss", parameters, 0);
        for (int n : new int[] {5, 5, 3}) {
            Nd4j.getRandom().setSeed(n);
            Map<String, INDArray> feed = Map.of("x", Nd4j.rand(DataType.FLOAT, n, 4).subi(0.5));
            Map<String, INDArray> expected = sd.calculateGradients(feed, List.copyOf(parameters));
            double expectedLoss = sd.output(feed, "loss").get("loss").getDouble(0);
            for (CompiledGradient compiled : List.of(kept, freed)) {
                LossAndGradients actual = compiled.lossAndGradients(feed);
                assertThat(actual.loss()).isEqualTo(expectedLoss);
                parameters.forEach(p -> assertThat(actual.gradients().get(p)).as(p).isEqualTo(expected.get(p)));
            }
        }
        assertThat(kept.retainsArrays()).isTrue();
        assertThat(freed.retainsArrays()).isFalse();
    }
}
