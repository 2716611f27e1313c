package org.acdit4j.model.core.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.MmulBp;

/**
 * A matmul's backward op as two matmuls. SameDiff's gradient of {@code z = op(x)·op(y)} is one {@code matmul_bp} op
 * with both input gradients as outputs; libnd4j computes them as two matmuls one after the other, with the arguments
 * used here. As two ops of the compiled graph they are independent (each reads the output gradient and one input),
 * so {@link OpSchedule} can run them on two threads, and one whose gradient nothing reads (a placeholder's, such as
 * the input tokens') is not run at all. Each computes what {@code matmul_bp} computes (bit for bit in
 * {@code MatmulGradientTest}).
 *
 * <p>A transposed factor's gradient is the transpose of the plain one: with {@code tX}, {@code tY}, {@code tZ} the
 * op's transpose flags, {@code dL/dx = matmul(dL/dz, y)} with flags {@code (tZ, !tY, tX)} and
 * {@code dL/dy = matmul(x, dL/dz)} with flags {@code (!tX, tZ, tY)}.
 */
final class MatmulGradient {

    private MatmulGradient() {
    }

    /** Whether {@code op} is a matmul's backward op that {@link #ops} splits. */
    static boolean splits(SameDiffOp op) {
        return op.getOp() instanceof MmulBp;
    }

    /**
     * The matmuls of the backward op {@code op} (inputs x, y, dL/dz in slots {@code in}; outputs dL/dx, dL/dy to slots
     * {@code out}, of types {@code types}, {@code fresh} as for any op) whose output variable is in {@code read}.
     */
    static List<CompiledOp> ops(SameDiffOp op, int[] in, int[] out, DataType[] types, boolean[] fresh,
                                Set<String> read) {
        List<String> outputs = op.getOutputsOfOp();
        long[] flags = ((DynamicCustomOp) op.getOp()).iArgs();
        boolean tx = flag(flags, 0);
        boolean ty = flag(flags, 1);
        boolean tz = flag(flags, 2);
        List<CompiledOp> ops = new ArrayList<>(2);
        if (read.contains(outputs.get(0))) {
            ops.add(matmul(op.getName() + "/dx", in[2], in[1], tz, !ty, tx, out[0], types[0], fresh[0]));
        }
        if (read.contains(outputs.get(1))) {
            ops.add(matmul(op.getName() + "/dy", in[0], in[2], !tx, tz, ty, out[1], types[1], fresh[1]));
        }
        return ops;
    }

    private static CompiledOp matmul(String name, int a, int b, boolean ta, boolean tb, boolean tz, int out,
                                     DataType type, boolean fresh) {
        DynamicCustomOp matmul = DynamicCustomOp.builder("matmul")
                .addIntegerArguments(ta ? 1 : 0, tb ? 1 : 0, tz ? 1 : 0)
                .addFloatingPointArguments(1.0, 0.0)                                // alpha, beta as matmul_bp passes them
                .build();
        return new CompiledOp(name, matmul, new int[] {a, b}, new int[] {out}, new DataType[] {type},
                new boolean[] {fresh});
    }

    private static boolean flag(long[] flags, int i) {
        return i < flags.length && flags[i] != 0;
    }
}
