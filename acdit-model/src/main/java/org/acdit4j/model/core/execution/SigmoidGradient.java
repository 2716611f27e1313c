package org.acdit4j.model.core.execution;

import java.util.List;
import java.util.function.ToIntFunction;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;

/**
 * A sigmoid's backward op from the forward pass's output. SameDiff's gradient of {@code s = σ(z)} is one
 * {@code sigmoid_bp} op reading {@code z}, which libnd4j turns into {@code dL/dz = dL/ds · σ(z)·(1 − σ(z))} with two
 * exponentials per value (about 12 ns per value on the experiments' VM: 3.1 ms per GELU of the experiments' DiT, all of
 * it on the step's critical path). The graph already holds {@code s}, so here the same product is three elementwise
 * ops on it: {@code 1 − s}, {@code s·(1 − s)}, and its product with {@code dL/ds} (bit for bit in
 * {@code SigmoidGradientTest}).
 */
final class SigmoidGradient {

    private SigmoidGradient() {
    }

    /** Whether {@code op} is a sigmoid's forward op, whose output {@link #ops} reads. */
    static boolean isSigmoid(SameDiffOp op) {
        return op.getOp() instanceof Sigmoid;
    }

    /** Whether {@code op} is a sigmoid's backward op that {@link #ops} replaces when its forward output exists. */
    static boolean replaces(SameDiffOp op) {
        return op.getOp() instanceof SigmoidDerivative;
    }

    /**
     * The ops computing the backward op {@code op}'s output (dL/dz to slot {@code out}, of type {@code type},
     * {@code fresh} as for any op) from the forward output in slot {@code sigmoidSlot}, the output gradient in slot
     * {@code gradientSlot} and a scalar one in slot {@code oneSlot}; {@code newSlot} gives a slot for a named
     * intermediate array.
     */
    static List<GraphOp> ops(SameDiffOp op, int sigmoidSlot, int gradientSlot, int oneSlot, int out, DataType type,
                             boolean fresh, ToIntFunction<String> newSlot) {
        String name = op.getName();
        int oneMinusSigmoid = newSlot.applyAsInt(name + "/1-s");
        int derivative = newSlot.applyAsInt(name + "/s(1-s)");
        return List.of(
                pairwise(name + "/1-s", "subtract", oneSlot, sigmoidSlot, oneMinusSigmoid, type, false),
                pairwise(name + "/s(1-s)", "multiply", sigmoidSlot, oneMinusSigmoid, derivative, type, false),
                pairwise(name + "/dz", "multiply", gradientSlot, derivative, out, type, fresh));
    }

    private static CompiledOp pairwise(String name, String opName, int a, int b, int out, DataType type,
                                       boolean fresh) {
        return new CompiledOp(name, DynamicCustomOp.builder(opName).build(), new int[] {a, b}, new int[] {out},
                new DataType[] {type}, new boolean[] {fresh});
    }
}
