package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A sigmoid's gradient computed from the forward output ({@link SigmoidGradient}) is the bits SameDiff's session
 * computes with {@code sigmoid_bp}, over inputs from −20 to 20 (where 1 − σ loses its digits) and in the GELU form the
 * transformer's MLP uses.
 */
class SigmoidGradientTest {

    /** loss = sum(u·σ(u·a) ⊙ r) for u spread over [−20, 20]: the GELU form of the MLP. */
    private static SameDiff graph() {
        Nd4j.getRandom().setSeed(7);
        SameDiff sd = SameDiff.create();
        SDVariable u = sd.var("u", Nd4j.linspace(DataType.FLOAT, -20, 40.0 / 63, 64).reshape(8, 8));
        SDVariable a = sd.var("a", Nd4j.rand(DataType.FLOAT, 8, 8).addi(0.5));
        SDVariable r = sd.constant("r", Nd4j.rand(DataType.FLOAT, 8, 8).subi(0.5));
        u.mul(sd.nn.sigmoid(u.mul(a))).mul(r).sum().rename("loss").markAsLoss();
        GradientFunctions.ensure(sd);
        return sd;
    }

    @Test
    void theGradientFromTheForwardOutputIsTheSessionsBits() {
        SameDiff sd = graph();
        assertThat(sd.getFunction("grad").getOps().values().stream().filter(SigmoidGradient::replaces).count())
                .isEqualTo(1);
        Map<String, INDArray> expected = sd.calculateGradients(Map.of(), List.of("u", "a"));
        CompiledGraph compiled = CompiledGraph.compile(sd.getFunction("grad"),
                List.of(sd.grad("u").name(), sd.grad("a").name()));
        for (int call = 0; call < 2; call++) {
            Map<String, INDArray> actual = call == 0 ? compiled.output(Map.of()) : compiled.outputOnce(Map.of());
            for (String p : List.of("u", "a")) {
                assertThat(FloatBits.of(actual.get(sd.grad(p).name()))).as(p + ", call " + call)
                        .isEqualTo(FloatBits.of(expected.get(p)));
            }
        }
    }

    @Test
    void theBackwardOpBecomesThreeElementwiseOps() {
        SameDiff sd = graph();
        SameDiff gradient = sd.getFunction("grad");
        String backward = gradient.getOps().values().stream().filter(SigmoidGradient::replaces).findFirst()
                .orElseThrow().getName();
        List<String> names = CompiledGraph.compile(gradient, List.of(sd.grad("a").name())).opNames();
        assertThat(names).doesNotContain(backward)
                .contains(backward + "/1-s", backward + "/s(1-s)", backward + "/dz");
    }
}
