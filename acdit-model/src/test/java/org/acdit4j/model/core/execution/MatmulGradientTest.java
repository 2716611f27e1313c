package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A matmul's gradients computed as two matmuls ({@link MatmulGradient}) are the bits SameDiff's session computes
 * with {@code matmul_bp}, for every combination of transposed factors and result, on matrices and on batches of
 * them; a gradient nothing reads is not computed.
 */
class MatmulGradientTest {

    /** (rows of op(x), inner, columns of op(y)). */
    private static final int M = 5;
    private static final int K = 3;
    private static final int N = 4;

    /**
     * loss = sum(op(op(x)·op(y)) ⊙ r) + sum(y²) for x, y, r random and, with {@code batch} > 0, a leading batch
     * axis; op transposes by the bits of {@code flags} (1: x, 2: y, 4: the product).
     */
    private static SameDiff graph(int flags, int batch) {
        boolean tx = (flags & 1) != 0;
        boolean ty = (flags & 2) != 0;
        boolean tz = (flags & 4) != 0;
        Nd4j.getRandom().setSeed(flags + 8L * batch);
        SameDiff sd = SameDiff.create();
        INDArray xValue = Nd4j.rand(DataType.FLOAT, shape(batch, tx ? K : M, tx ? M : K)).subi(0.5);
        SDVariable x = sd.var("x", xValue);
        SDVariable y = sd.var("y", Nd4j.rand(DataType.FLOAT, shape(batch, ty ? N : K, ty ? K : N)).subi(0.5));
        SDVariable r = sd.constant("r", Nd4j.rand(DataType.FLOAT, shape(batch, tz ? N : M, tz ? M : N)).subi(0.5));
        SDVariable z = sd.mmul(x, y, tx, ty, tz);
        z.mul(r).sum().add(y.mul(y).sum()).rename("loss").markAsLoss();
        GradientFunctions.ensure(sd);
        return sd;
    }

    private static long[] shape(int batch, int rows, int columns) {
        return batch > 0 ? new long[] {batch, rows, columns} : new long[] {rows, columns};
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {0, 2})
    void everyTransposeGivesTheSessionsBits(int batch) {
        for (int flags = 0; flags < 8; flags++) {
            SameDiff sd = graph(flags, batch);
            Map<String, INDArray> expected = sd.calculateGradients(Map.of(), List.of("x", "y"));
            Map<String, INDArray> actual = compiledGradients(sd, Set.of("x", "y"));
            for (String p : List.of("x", "y")) {
                assertThat(actual.get(p).shape()).as(p + " flags " + flags).isEqualTo(expected.get(p).shape());
                assertThat(FloatBits.of(actual.get(p))).as(p + " flags " + flags)
                        .isEqualTo(FloatBits.of(expected.get(p)));
            }
        }
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {0, 2})
    void aGradientNothingReadsIsNotComputed(int batch) {
        SameDiff sd = graph(0, batch);
        SameDiff gradient = sd.getFunction("grad");
        assertThat(gradient.getOps().values().stream().filter(MatmulGradient::splits).count()).isEqualTo(1);
        CompiledGraph yOnly = CompiledGraph.compile(gradient, List.of(sd.grad("y").name()));
        CompiledGraph both = CompiledGraph.compile(gradient, List.of(sd.grad("x").name(), sd.grad("y").name()));
        assertThat(both.opCount()).isEqualTo(yOnly.opCount() + 1);
        assertThat(FloatBits.of(yOnly.output(Map.of()).get(sd.grad("y").name())))
                .isEqualTo(FloatBits.of(sd.calculateGradients(Map.of(), List.of("y")).get("y")));
    }

    private static Map<String, INDArray> compiledGradients(SameDiff sd, Set<String> parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(sd.grad(p).name()));
        Map<String, INDArray> out = CompiledGraph.compile(sd.getFunction("grad"), names).output(Map.of());
        Map<String, INDArray> byParameter = new HashMap<>();
        parameters.forEach(p -> byParameter.put(p, out.get(sd.grad(p).name())));
        return byParameter;
    }
}
