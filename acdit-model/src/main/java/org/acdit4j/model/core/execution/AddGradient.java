package org.acdit4j.model.core.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.AddBpOp;

/**
 * An addition's backward op as one {@link SumToShapeOp} per input. SameDiff's gradient of {@code z = x + y} is one
 * {@code add_bp} op writing both input gradients; each is the output gradient summed over the axes its input was
 * broadcast along, and where an input has the output's shape libnd4j writes a full copy of the output gradient. The
 * residual and bias additions of a transformer make that 61 copies of an activation-sized array per training step
 * of the experiments' DiT; here they are the output gradient's array itself. As two ops the gradients are also
 * independent, and one whose gradient nothing reads is not computed.
 */
final class AddGradient {

    private AddGradient() {
    }

    /** Whether {@code op} is an addition's backward op that {@link #ops} replaces. */
    static boolean splits(SameDiffOp op) {
        return op.getOp() instanceof AddBpOp;
    }

    /**
     * The gradient ops of the backward op {@code op} (inputs x, y, dL/dz in slots {@code in}; outputs dL/dx, dL/dy to
     * slots {@code out}, of types {@code types}, {@code fresh} as for any op) whose output variable is in {@code read}.
     */
    static List<GraphOp> ops(SameDiffOp op, int[] in, int[] out, DataType[] types, boolean[] fresh, Set<String> read) {
        List<String> outputs = op.getOutputsOfOp();
        List<GraphOp> ops = new ArrayList<>(2);
        for (int i = 0; i < 2; i++) {
            if (read.contains(outputs.get(i))) {
                ops.add(new SumToShapeOp(op.getName() + (i == 0 ? "/dx" : "/dy"), in[2], in[i], out[i], types[i],
                        fresh[i]));
            }
        }
        return ops;
    }
}
