package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A product's gradients computed as two chains ({@link MultiplyGradient}) are the bits SameDiff's session computes
 * with {@code multiply_bp}, for inputs of the output's shape and inputs broadcast along leading, inner and all axes.
 */
class MultiplyGradientTest {

    /** Shapes of x and y in x + y: equal, a bias row, a per-image row, a column, a scalar, and y larger than x. */
    static List<long[][]> shapes() {
        return List.of(
                new long[][] {{6, 5}, {6, 5}},
                new long[][] {{6, 5}, {5}},
                new long[][] {{2, 3, 5}, {2, 1, 5}},
                new long[][] {{6, 5}, {6, 1}},
                new long[][] {{6, 5}, {1, 5}},
                new long[][] {{6, 5}, {}},
                new long[][] {{4}, {3, 4}});
    }

    /**
     * loss = sum(tanh(x ⊙ y) ⊙ r) + sum(y²) with x, y and r random: the tanh makes the product's output gradient
     * differ from element to element, so that a sum over the wrong axes shows.
     */
    private static SameDiff graph(long[] xShape, long[] yShape) {
        Nd4j.getRandom().setSeed(xShape.length * 31L + yShape.length);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.rand(DataType.FLOAT, xShape).subi(0.5));
        SDVariable y = sd.var("y", yShape.length == 0 ? Nd4j.scalar(0.25f) : Nd4j.rand(DataType.FLOAT, yShape).subi(0.5));
        SDVariable z = x.mul(y);
        SDVariable r = sd.constant("r", Nd4j.rand(DataType.FLOAT, z.eval().shape()).subi(0.5));
        sd.math().tanh(z).mul(r).sum().add(y.mul(y).sum()).rename("loss").markAsLoss();
        GradientFunctions.ensure(sd);
        return sd;
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("shapes")
    void everyBroadcastGivesTheSessionsBits(long[][] shapes) {
        SameDiff sd = graph(shapes[0], shapes[1]);
        List<String> products = sd.getFunction("grad").getOps().values().stream().filter(MultiplyGradient::splits)
                .map(op -> op.getName()).toList();
        assertThat(products).isNotEmpty();
        Map<String, INDArray> expected = sd.calculateGradients(Map.of(), List.of("x", "y"));
        CompiledGraph compiled = CompiledGraph.compile(sd.getFunction("grad"),
                List.of(sd.grad("x").name(), sd.grad("y").name()));
        assertThat(compiled.opNames()).doesNotContainAnyElementsOf(products)
                .containsAll(products.stream().map(p -> p + "/dx").toList());
        for (int call = 0; call < 2; call++) {                               // the second call reuses the kept arrays
            Map<String, INDArray> actual = compiled.output(Map.of());
            for (String p : List.of("x", "y")) {
                INDArray a = actual.get(sd.grad(p).name());
                assertThat(a.shape()).as(p).isEqualTo(expected.get(p).shape());
                assertThat(bits(a)).as(p + ", call " + call).isEqualTo(bits(expected.get(p)));
            }
        }
        Map<String, INDArray> once = compiled.outputOnce(Map.of());
        assertThat(bits(once.get(sd.grad("y").name()))).isEqualTo(bits(expected.get("y")));
    }

    /** The values in row-major order, compared bit for bit by AssertJ's array equality. */
    private static int[] bits(INDArray a) {
        float[] values = a.dup('c').data().asFloat();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
