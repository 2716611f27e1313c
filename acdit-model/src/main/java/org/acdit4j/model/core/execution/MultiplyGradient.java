package org.acdit4j.model.core.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.MulBpOp;

/**
 * A product's backward op as two independent chains. SameDiff's gradient of {@code z = x ⊙ y} is one
 * {@code multiply_bp} op writing both input gradients, one after the other: {@code dL/dx} is {@code dL/dz ⊙ y} summed
 * over the axes x was broadcast along, and {@code dL/dy} likewise with x. Here each is a {@code multiply} and a
 * {@link SumToShapeOp} (which passes the product through where nothing is summed), so the op schedule can run the
 * two on two threads, and one whose gradient nothing reads is not computed (bit for bit in
 * {@code ElementwiseGradientTest}).
 */
final class MultiplyGradient {

    private MultiplyGradient() {
    }

    /** Whether {@code op} is a product's backward op that {@link #ops} replaces. */
    static boolean splits(SameDiffOp op) {
        return op.getOp() instanceof MulBpOp;
    }

    /**
     * The gradient ops of the backward op {@code op} (inputs x, y, dL/dz in slots {@code in}; outputs dL/dx, dL/dy to
     * slots {@code out}, of types {@code types}, {@code fresh} as for any op) whose output variable is in {@code read};
     * {@code newSlot} gives a slot for a named intermediate array.
     */
    static List<GraphOp> ops(SameDiffOp op, int[] in, int[] out, DataType[] types, boolean[] fresh, Set<String> read,
                             ToIntFunction<String> newSlot) {
        List<String> outputs = op.getOutputsOfOp();
        List<GraphOp> ops = new ArrayList<>(4);
        for (int i = 0; i < 2; i++) {
            if (read.contains(outputs.get(i))) {
                String name = op.getName() + (i == 0 ? "/dx" : "/dy");
                int product = newSlot.applyAsInt(name + "/product");
                ops.add(new CompiledOp(name + "/product", DynamicCustomOp.builder("multiply").build(),
                        new int[] {in[2], in[1 - i]}, new int[] {product}, new DataType[] {types[i]},
                        new boolean[] {false}));
                ops.add(new SumToShapeOp(name, product, in[i], out[i], types[i], fresh[i]));
            }
        }
        return ops;
    }
}
