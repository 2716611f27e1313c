package org.acdit4j.model.core.execution;

import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One op of a {@link CompiledGraph}: where its inputs and outputs live in the graph's array slots, its own op
 * context, and the input shapes and output arrays of its previous run, so that a run with unchanged input
 * shapes neither recomputes output shapes nor allocates.
 */
final class CompiledOp {

    private final String name;
    private final DifferentialFunction function;
    private final int[] inputSlots;
    private final int[] outputSlots;
    /** SameDiff's output variable types (shape functions may report another valid type; SameDiff uses these). */
    private final DataType[] outputTypes;
    /** Per output: allocated afresh every run, since it leaves the graph as a requested output. */
    private final boolean[] freshOutputs;
    private final boolean anyFresh;
    private final OpContext context = Nd4j.getExecutioner().buildContext();
    private final INDArray[] lastInputs;
    private final long[][] lastShapes;
    private final INDArray[] outputArrays;
    private LongShapeDescriptor[] outputShapes;
    /** An input is not floating point: its values may set the output shape (a shape or axis tensor). */
    private final boolean valueDependentShape;

    /** The SameDiff op {@code op}, reading and writing those slots. */
    CompiledOp(SameDiffOp op, int[] inputSlots, int[] outputSlots, DataType[] outputTypes, boolean[] freshOutputs) {
        this(op.getName(), op.getOp(), Arrays.stream(op.getOp().args()).anyMatch(v -> !v.dataType().isFPType()),
                inputSlots, outputSlots, outputTypes, freshOutputs);
    }

    /** A custom op made by the compiler itself (named {@code name}), whose inputs are floating point. */
    CompiledOp(String name, DynamicCustomOp function, int[] inputSlots, int[] outputSlots, DataType[] outputTypes,
               boolean[] freshOutputs) {
        this(name, function, false, inputSlots, outputSlots, outputTypes, freshOutputs);
    }

    private CompiledOp(String name, DifferentialFunction function, boolean valueDependentShape, int[] inputSlots,
                       int[] outputSlots, DataType[] outputTypes, boolean[] freshOutputs) {
        this.name = name;
        this.function = function;
        this.valueDependentShape = valueDependentShape;
        this.inputSlots = inputSlots;
        this.outputSlots = outputSlots;
        this.outputTypes = outputTypes;
        this.freshOutputs = freshOutputs;
        boolean fresh = false;
        for (boolean f : freshOutputs) {
            fresh |= f;
        }
        this.anyFresh = fresh;
        this.lastInputs = new INDArray[inputSlots.length];
        this.lastShapes = new long[inputSlots.length][];
        this.outputArrays = new INDArray[outputSlots.length];
        if (function instanceof DynamicCustomOp c) {
            if (c.iArgs().length > 0) {
                context.setIArguments(c.iArgs());
            }
            if (c.tArgs().length > 0) {
                context.setTArguments(c.tArgs());
            }
            if (c.dArgs().length > 0) {
                context.setDArguments(c.dArgs());
            }
            if (c.bArgs().length > 0) {
                context.setBArguments(c.bArgs());
            }
        }
    }

    int[] inputSlots() {
        return inputSlots;
    }

    int[] outputSlots() {
        return outputSlots;
    }

    /**
     * Reads the inputs from {@code slots}, executes, and writes the outputs into {@code slots}. The op context is
     * bound again only when an input or output array changed, and then purged first: libnd4j's context keeps every
     * array ever set on it (each holding its buffer) until it is purged, so setting arrays without purging kept every
     * step's inputs and gradients alive, natively, for the life of the graph (docs/PERFORMANCE.md, "Memory").
     */
    void run(INDArray[] slots) {
        boolean reshaped = outputShapes == null || valueDependentShape;
        boolean inputsChanged = false;
        for (int i = 0; i < inputSlots.length; i++) {
            INDArray in = slots[inputSlots[i]];
            if (in != lastInputs[i]) {
                lastInputs[i] = in;
                inputsChanged = true;
                if (!Arrays.equals(in.shape(), lastShapes[i])) {
                    lastShapes[i] = in.shape();
                    reshaped = true;
                }
            }
        }
        if (inputsChanged) {
            bindInputs();                                                    // the shape function reads them
        }
        boolean outputsReplaced = (reshaped || anyFresh) && allocateOutputs(reshaped ? shapes() : outputShapes);
        if (outputsReplaced && !inputsChanged) {
            bindInputs();
        }
        if (inputsChanged || outputsReplaced) {
            for (int i = 0; i < outputArrays.length; i++) {
                context.setOutputArray(i, outputArrays[i]);
            }
        }
        try {
            if (function instanceof CustomOp c) {
                Nd4j.exec(c, context);
            } else {
                Nd4j.exec((Op) function, context);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("op '" + name + "' (" + function.getClass().getSimpleName()
                    + ") failed: " + e.getMessage(), e);
        }
        for (int i = 0; i < outputSlots.length; i++) {
            slots[outputSlots[i]] = outputArrays[i];
        }
    }

    /** Drops every array the context holds (natively too) and sets the current inputs; the outputs follow. */
    private void bindInputs() {
        context.purge();
        for (int i = 0; i < lastInputs.length; i++) {
            context.setInputArray(i, lastInputs[i]);
        }
    }

    private LongShapeDescriptor[] shapes() {
        List<LongShapeDescriptor> computed = function.calculateOutputShape(context);
        if (computed == null || computed.size() != outputSlots.length) {
            throw new IllegalStateException("op '" + name + "' (" + function.getClass().getSimpleName()
                    + ") reported " + (computed == null ? 0 : computed.size()) + " output shapes for "
                    + outputSlots.length + " outputs");
        }
        LongShapeDescriptor[] shapes = new LongShapeDescriptor[computed.size()];
        for (int i = 0; i < shapes.length; i++) {
            LongShapeDescriptor s = computed.get(i);
            shapes[i] = s.dataType() == outputTypes[i] ? s : s.asDataType(outputTypes[i]);
        }
        return shapes;
    }

    /**
     * New output arrays for fresh outputs and where the shape changed; the others are kept. A replaced array that
     * never left the graph is freed at once (ND4J frees native memory only through the GC otherwise, and a
     * growing KV cache replaces arrays every block: without this a long sampling run was killed for memory).
     *
     * @return whether any output array was replaced
     */
    private boolean allocateOutputs(LongShapeDescriptor[] shapes) {
        boolean replaced = false;
        for (int i = 0; i < shapes.length; i++) {
            INDArray current = outputArrays[i];
            if (freshOutputs[i] || current == null || !fits(current, shapes[i])) {
                if (current != null && !freshOutputs[i] && current.closeable()) {
                    current.close();
                }
                outputArrays[i] = shapes[i].isEmpty() ? Nd4j.create(shapes[i])
                        : Nd4j.createUninitialized(shapes[i].dataType(), shapes[i].getShape(), shapes[i].getOrder());
                replaced = true;
            }
        }
        outputShapes = shapes;
        return replaced;
    }

    /** Frees the output arrays that never left the graph and empties the context; the next run allocates again. */
    void releaseArrays() {
        context.purge();
        for (int i = 0; i < outputArrays.length; i++) {
            if (outputArrays[i] != null && !freshOutputs[i] && outputArrays[i].closeable()) {
                outputArrays[i].close();
            }
            outputArrays[i] = null;
        }
        Arrays.fill(lastInputs, null);
        Arrays.fill(lastShapes, null);
        outputShapes = null;
    }

    /** Bytes of the output arrays this op keeps for its next run (the fresh ones leave the graph). */
    long retainedBytes() {
        long bytes = 0;
        for (int i = 0; i < outputArrays.length; i++) {
            if (outputArrays[i] != null && !freshOutputs[i]) {
                bytes += outputArrays[i].length() * outputArrays[i].dataType().width();
            }
        }
        return bytes;
    }

    private static boolean fits(INDArray array, LongShapeDescriptor shape) {
        return array.dataType() == shape.dataType() && array.ordering() == shape.getOrder()
                && array.isEmpty() == shape.isEmpty() && Arrays.equals(array.shape(), shape.getShape());
    }
}
