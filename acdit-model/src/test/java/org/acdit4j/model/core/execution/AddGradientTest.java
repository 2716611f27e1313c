package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An addition's gradients computed per input ({@link AddGradient}) are the bits SameDiff's session computes with
 * {@code add_bp}, for inputs of the output's shape and inputs broadcast along leading, inner and all axes; an input
 * of the output's shape gets the output gradient's own array, which its consumers read as SameDiff's copy.
 */
class AddGradientTest {

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
     * loss = sum(tanh(x + y) ⊙ r) + sum(y²) with x, y and r random: the tanh makes the addition's output gradient
     * differ from element to element, so that a sum over the wrong axes shows.
     */
    private static SameDiff graph(long[] xShape, long[] yShape) {
        Nd4j.getRandom().setSeed(xShape.length * 31L + yShape.length);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.rand(DataType.FLOAT, xShape).subi(0.5));
        SDVariable y = sd.var("y", yShape.length == 0 ? Nd4j.scalar(0.25f) : Nd4j.rand(DataType.FLOAT, yShape).subi(0.5));
        SDVariable z = x.add(y);
        SDVariable r = sd.constant("r", Nd4j.rand(DataType.FLOAT, z.eval().shape()).subi(0.5));
        sd.math().tanh(z).mul(r).sum().add(y.mul(y).sum()).rename("loss").markAsLoss();
        GradientFunctions.ensure(sd);
        return sd;
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("shapes")
    void everyBroadcastGivesTheSessionsBits(long[][] shapes) {
        SameDiff sd = graph(shapes[0], shapes[1]);
        List<String> additions = sd.getFunction("grad").getOps().values().stream().filter(AddGradient::splits)
                .map(op -> op.getName()).toList();
        assertThat(additions).isNotEmpty();
        Map<String, INDArray> expected = sd.calculateGradients(Map.of(), List.of("x", "y"));
        CompiledGraph compiled = CompiledGraph.compile(sd.getFunction("grad"),
                List.of(sd.grad("x").name(), sd.grad("y").name()));
        assertThat(compiled.opNames()).doesNotContainAnyElementsOf(additions)
                .contains(additions.get(0) + "/dx", additions.get(0) + "/dy");
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

    @Test
    void anInputOfTheOutputsShapeGetsTheOutputGradientsArrayUnlessItIsRequested() {
        INDArray gradient = Nd4j.rand(DataType.FLOAT, 6, 5);
        INDArray[] slots = {gradient, Nd4j.zeros(DataType.FLOAT, 6, 5), null};
        SumToShapeOp passThrough = new SumToShapeOp("add_bp/dx", 0, 1, 2, DataType.FLOAT, false);
        passThrough.run(slots);
        assertThat(slots[2]).isSameAs(gradient);
        assertThat(passThrough.retainedBytes()).isZero();
        assertThat(passThrough.aliasesInput()).isTrue();
        SumToShapeOp requested = new SumToShapeOp("add_bp/dx", 0, 1, 2, DataType.FLOAT, true);
        requested.run(slots);
        assertThat(slots[2]).isNotSameAs(gradient).isEqualTo(gradient);
        assertThat(requested.aliasesInput()).isFalse();
    }

    @Test
    void aBroadcastInputGetsTheSumOverItsBroadcastAxes() {
        INDArray gradient = Nd4j.rand(DataType.FLOAT, 2, 3, 5);
        INDArray[] slots = {gradient, Nd4j.zeros(DataType.FLOAT, 3, 1), null};
        SumToShapeOp sum = new SumToShapeOp("add_bp/dy", 0, 1, 2, DataType.FLOAT, false);
        sum.run(slots);
        assertThat(slots[2].shape()).containsExactly(3, 1);
        assertThat(slots[2].reshape(3)).isEqualTo(gradient.sum(0, 2));
        assertThat(sum.retainedBytes()).isEqualTo(3 * 4);
    }

    @Test
    void anInputThatDoesNotBroadcastIsNamed() {
        assertThatThrownBy(() -> SumToShapeOp.broadcastAxes(new long[] {6, 5}, new long[] {4}, "add_bp"))
                .hasMessageContaining("op 'add_bp'").hasMessageContaining("[4]").hasMessageContaining("[6, 5]");
        assertThat(SumToShapeOp.broadcastAxes(new long[] {2, 3, 5}, new long[] {3, 1}, "add_bp"))
                .containsExactly(0, 2);
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
