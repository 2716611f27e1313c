package org.acdit4j.model.core.execution;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

/**
 * An array summed to the shape of an input that was broadcast to its shape: the gradient of one input of an addition
 * ({@link AddGradient}, summing the output gradient) or of a product ({@link MultiplyGradient}, summing the output
 * gradient times the other factor). Where the input has the array's shape there is nothing to sum, and the output is
 * that array itself, not a copy ({@link #aliasesInput}); libnd4j's {@code add_bp} copies it. A requested output leaves
 * the graph and belongs to the caller, so it is always an array of its own.
 *
 * <p>Inputs: the array to sum, then the input (read for its shape only). The sum is libnd4j's {@code reduce_sum}, the
 * reduction {@code add_bp} and {@code multiply_bp} run, so the values are their bits
 * ({@code ElementwiseGradientTest}).
 */
final class SumToShapeOp extends GraphOp {

    private final DataType type;
    private final boolean fresh;
    /** Shapes of the output gradient and the input at the last run: the sum below was made for them. */
    private long[] lastGradientShape;
    private long[] lastInputShape;
    /** The summing op for those shapes (reads slot 0 of {@link #sumSlots}, writes slot 1); null when none is needed. */
    private CompiledOp sum;
    private final INDArray[] sumSlots = new INDArray[2];

    /**
     * @param gradientSlot the output gradient's slot
     * @param inputSlot    the input's slot
     * @param outputSlot   the slot of the input's gradient, of type {@code type}; {@code fresh} when it is requested
     */
    SumToShapeOp(String name, int gradientSlot, int inputSlot, int outputSlot, DataType type, boolean fresh) {
        super(name, new int[] {gradientSlot, inputSlot}, new int[] {outputSlot});
        this.type = type;
        this.fresh = fresh;
    }

    @Override
    boolean aliasesInput() {
        return !fresh;
    }

    @Override
    void run(INDArray[] slots) {
        INDArray gradient = slots[inputSlots()[0]];
        long[] gradientShape = gradient.shape();                              // a fresh copy per call: read once
        long[] inputShape = slots[inputSlots()[1]].shape();
        if (!Arrays.equals(gradientShape, lastGradientShape) || !Arrays.equals(inputShape, lastInputShape)) {
            prepare(gradientShape, inputShape);
        }
        if (sum == null) {
            slots[outputSlots()[0]] = fresh ? gradient.dup() : gradient;
            return;
        }
        sumSlots[0] = gradient;
        sum.run(sumSlots);
        INDArray summed = sumSlots[1];
        sumSlots[0] = null;
        slots[outputSlots()[0]] = Arrays.equals(summed.shape(), inputShape) ? summed : inShape(summed, inputShape);
    }

    /** The summing op for these shapes (none when they are equal), replacing the previous one. */
    private void prepare(long[] gradientShape, long[] inputShape) {
        releaseArrays();
        lastGradientShape = gradientShape;
        lastInputShape = inputShape;
        int[] axes = broadcastAxes(gradientShape, inputShape, name());
        if (axes.length == 0) {
            return;
        }
        DynamicCustomOp reduceSum = DynamicCustomOp.builder("reduce_sum")
                .addIntegerArguments(axes)
                .addBooleanArguments(gradientShape.length == inputShape.length)      // keep dims: the input's rank
                .build();
        sum = new CompiledOp(name(), reduceSum, new int[] {0}, new int[] {1}, new DataType[] {type},
                new boolean[] {fresh});
    }

    /** {@code summed} reshaped to the input's shape (the same values; a requested output gets an array of its own). */
    private INDArray inShape(INDArray summed, long[] inputShape) {
        INDArray reshaped = summed.reshape('c', inputShape);
        if (!fresh) {
            return reshaped;
        }
        INDArray own = reshaped.dup('c');
        summed.close();
        return own;
    }

    /**
     * The axes of a gradient of shape {@code gradientShape} that an input of shape {@code inputShape} was broadcast
     * along (shapes aligned at their last axes, as in numpy): the leading axes the input lacks and those where it has
     * size 1 and the gradient more.
     *
     * @throws IllegalStateException naming the op when the input does not broadcast to the gradient's shape
     */
    static int[] broadcastAxes(long[] gradientShape, long[] inputShape, String opName) {
        int lead = gradientShape.length - inputShape.length;
        if (lead < 0) {
            throw new IllegalStateException("op '" + opName + "': an input of shape " + Arrays.toString(inputShape)
                    + " does not broadcast to its gradient's shape " + Arrays.toString(gradientShape));
        }
        int[] axes = new int[gradientShape.length];
        int count = 0;
        for (int axis = 0; axis < gradientShape.length; axis++) {
            if (axis < lead) {
                axes[count++] = axis;
                continue;
            }
            long size = inputShape[axis - lead];
            if (size == 1 && gradientShape[axis] != 1) {
                axes[count++] = axis;
            } else if (size != gradientShape[axis]) {
                throw new IllegalStateException("op '" + opName + "': an input of shape " + Arrays.toString(inputShape)
                        + " does not broadcast to its gradient's shape " + Arrays.toString(gradientShape));
            }
        }
        return Arrays.copyOf(axes, count);
    }

    @Override
    void releaseArrays() {
        if (sum != null) {
            sum.releaseArrays();
            sum = null;
        }
        sumSlots[0] = null;
        sumSlots[1] = null;
        lastGradientShape = null;
        lastInputShape = null;
    }

    @Override
    long retainedBytes() {
        return sum == null ? 0 : sum.retainedBytes();
    }
}
