package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An addition's and a product's gradients compiled per input ({@link AddGradient}, {@link MultiplyGradient}) are the
 * bits SameDiff's session computes with {@code add_bp} and {@code multiply_bp}, for inputs of the output's shape and
 * inputs broadcast along leading, inner and all axes, on a call that keeps its arrays, the next one, and a one-shot
 * call.
 */
class ElementwiseGradientTest {

    /** The forward op and the rule that replaces its backward op. */
    enum Operation {
        ADD(SDVariable::add, AddGradient::splits),
        MULTIPLY(SDVariable::mul, MultiplyGradient::splits);

        final BinaryOperator<SDVariable> forward;
        final Predicate<SameDiffOp> backward;

        Operation(BinaryOperator<SDVariable> forward, Predicate<SameDiffOp> backward) {
            this.forward = forward;
            this.backward = backward;
        }
    }

    /** Shapes of x and y: equal, a bias row, a per-image row, a column, a row of a matrix, a scalar, and y larger. */
    private static final List<long[][]> SHAPES = List.of(
            new long[][] {{6, 5}, {6, 5}},
            new long[][] {{6, 5}, {5}},
            new long[][] {{2, 3, 5}, {2, 1, 5}},
            new long[][] {{6, 5}, {6, 1}},
            new long[][] {{6, 5}, {1, 5}},
            new long[][] {{6, 5}, {}},
            new long[][] {{4}, {3, 4}});

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            for (long[][] shapes : SHAPES) {
                cases.add(Arguments.of(operation, shapes[0], shapes[1]));
            }
        }
        return cases;
    }

    /**
     * loss = sum(tanh(x ∘ y) ⊙ r) + sum(y²) with x, y and r random: the tanh makes the output gradient differ from
     * element to element, so that a sum over the wrong axes shows.
     */
    private static SameDiff graph(Operation operation, long[] xShape, long[] yShape) {
        Nd4j.getRandom().setSeed(xShape.length * 31L + yShape.length);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.rand(DataType.FLOAT, xShape).subi(0.5));
        INDArray yValue = yShape.length == 0 ? Nd4j.scalar(0.25f) : Nd4j.rand(DataType.FLOAT, yShape).subi(0.5);
        SDVariable y = sd.var("y", yValue);
        SDVariable z = operation.forward.apply(x, y);
        SDVariable r = sd.constant("r", Nd4j.rand(DataType.FLOAT, z.eval().shape()).subi(0.5));
        sd.math().tanh(z).mul(r).sum().add(y.mul(y).sum()).rename("loss").markAsLoss();
        GradientFunctions.ensure(sd);
        return sd;
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("cases")
    void everyBroadcastGivesTheSessionsBits(Operation operation, long[] xShape, long[] yShape) {
        SameDiff sd = graph(operation, xShape, yShape);
        List<String> replaced = sd.getFunction("grad").getOps().values().stream().filter(operation.backward)
                .map(SameDiffOp::getName).toList();
        assertThat(replaced).isNotEmpty();
        Map<String, INDArray> expected = sd.calculateGradients(Map.of(), List.of("x", "y"));
        CompiledGraph compiled = CompiledGraph.compile(sd.getFunction("grad"),
                List.of(sd.grad("x").name(), sd.grad("y").name()));
        assertThat(compiled.opNames()).doesNotContainAnyElementsOf(replaced)
                .containsAll(replaced.stream().map(name -> name + "/dx").toList());
        for (int call = 0; call < 3; call++) {                               // kept arrays, reused, then one-shot
            Map<String, INDArray> actual = call < 2 ? compiled.output(Map.of()) : compiled.outputOnce(Map.of());
            for (String p : List.of("x", "y")) {
                INDArray a = actual.get(sd.grad(p).name());
                assertThat(a.shape()).as(p).isEqualTo(expected.get(p).shape());
                assertThat(FloatBits.of(a)).as(p + ", call " + call).isEqualTo(FloatBits.of(expected.get(p)));
            }
        }
    }
}
