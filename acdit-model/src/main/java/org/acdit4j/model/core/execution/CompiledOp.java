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
import org.nd4j.linalg.api.ops.impl.shape.Reshape;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One op of a {@link CompiledGraph}: where its inputs and outputs live in the graph's array slots, its own op
 * context, and the input shapes and output arrays of its previous run, so that a run with unchanged input
 * shapes neither recomputes output shapes nor allocates. A reshape of a contiguous array in c order gives a view of
 * it instead of a copy ({@link #aliasesInput}), kept while its input array and target shape stay the same.
 */
final class CompiledOp extends GraphOp {

    private final DifferentialFunction function;
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
    /** A reshape whose output stays inside the graph: it may run as a view of its input. */
    private final boolean reshapesAsView;
    /** The output is a view of the first input (made by {@link #runAsView}), not an array of this op's own. */
    private boolean outputIsView;
    /** The values of the shape-giving inputs when the view was made. */
    private long[][] viewShapeValues;

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
        super(name, inputSlots, outputSlots);
        this.function = function;
        this.valueDependentShape = valueDependentShape;
        this.outputTypes = outputTypes;
        this.freshOutputs = freshOutputs;
        boolean fresh = false;
        for (boolean f : freshOutputs) {
            fresh |= f;
        }
        this.anyFresh = fresh;
        this.reshapesAsView = function instanceof Reshape && outputSlots.length == 1 && !fresh;
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

    @Override
    boolean aliasesInput() {
        return reshapesAsView;
    }

    /**
     * Reads the inputs from {@code slots}, executes, and writes the outputs into {@code slots}. The op context is
     * bound again only when an input or output array changed, and then purged first: libnd4j's context keeps every
     * array ever set on it (each holding its buffer) until it is purged, so setting arrays without purging kept every
     * step's inputs and gradients alive, natively, for the life of the graph (docs/PERFORMANCE.md, "Memory").
     */
    @Override
    void run(INDArray[] slots) {
        if (reshapesAsView && runAsView(slots)) {
            return;
        }
        boolean reshaped = outputShapes == null || valueDependentShape;
        boolean inputsChanged = false;
        for (int i = 0; i < inputSlots().length; i++) {
            INDArray in = slots[inputSlots()[i]];
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
            throw new IllegalStateException("op '" + name() + "' (" + function.getClass().getSimpleName()
                    + ") failed: " + e.getMessage(), e);
        }
        for (int i = 0; i < outputSlots().length; i++) {
            slots[outputSlots()[i]] = outputArrays[i];
        }
    }

    /**
     * Writes a view of the first input, reshaped, as the output, when the input is a non-empty array with c-order
     * strides and the target order is c; the view is kept while the input array and the shape-giving inputs' values
     * stay the same.
     *
     * @return false when the reshape must copy (the caller then runs the op)
     */
    private boolean runAsView(INDArray[] slots) {
        INDArray in = slots[inputSlots()[0]];
        if (!outputIsView && in == lastInputs[0]) {
            return false;                                                     // this array needed a copy last run
        }
        long[][] shapeValues = shapeInputValues(slots);
        if (!(outputIsView && in == lastInputs[0] && Arrays.deepEquals(shapeValues, viewShapeValues))) {
            INDArray view = viewOf(in, slots);
            if (view == null) {
                if (outputIsView) {
                    dropView();
                }
                return false;
            }
            if (!outputIsView) {
                releaseArrays();
            }
            outputArrays[0] = view;
            outputIsView = true;
            viewShapeValues = shapeValues;
            lastInputs[0] = in;
        }
        slots[outputSlots()[0]] = outputArrays[0];
        return true;
    }

    /** The reshaped view of {@code in}, or null when the reshape has to copy. */
    private INDArray viewOf(INDArray in, INDArray[] slots) {
        if (in.isEmpty() || !contiguousInCOrder(in)) {
            return null;
        }
        LongShapeDescriptor target = outputShapeFor(slots);
        if (target.getOrder() != 'c' || target.dataType() != in.dataType()) {
            return null;
        }
        INDArray view = in.reshape('c', target.getShape());
        if (view != in && !view.isView()) {
            view.close();                                                     // a copy after all: run the op
            return null;
        }
        return view;
    }

    /** The output shape the op computes for the inputs in {@code slots}; the context holds no array afterwards. */
    private LongShapeDescriptor outputShapeFor(INDArray[] slots) {
        for (int i = 0; i < inputSlots().length; i++) {
            lastInputs[i] = slots[inputSlots()[i]];
        }
        bindInputs();
        LongShapeDescriptor shape = shapes()[0];
        context.purge();
        Arrays.fill(lastInputs, null);
        return shape;
    }

    /** Whether the elements lie back to back in c order (a dimension of size 1 may have any stride). */
    private static boolean contiguousInCOrder(INDArray a) {
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** Per input, the values of a non-floating-point input (a shape tensor), else null. */
    private long[][] shapeInputValues(INDArray[] slots) {
        long[][] values = new long[inputSlots().length][];
        for (int i = 1; i < inputSlots().length; i++) {
            INDArray in = slots[inputSlots()[i]];
            if (!in.dataType().isFPType()) {
                values[i] = new long[(int) in.length()];
                for (int k = 0; k < values[i].length; k++) {
                    values[i][k] = in.getLong(k);
                }
            }
        }
        return values;
    }

    /** Forgets the view, so that the next run binds and allocates as a copying op does. */
    private void dropView() {
        outputArrays[0] = null;
        outputIsView = false;
        viewShapeValues = null;
        Arrays.fill(lastInputs, null);
        Arrays.fill(lastShapes, null);
        outputShapes = null;
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
        if (computed == null || computed.size() != outputSlots().length) {
            throw new IllegalStateException("op '" + name() + "' (" + function.getClass().getSimpleName()
                    + ") reported " + (computed == null ? 0 : computed.size()) + " output shapes for "
                    + outputSlots().length + " outputs");
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
    @Override
    void releaseArrays() {
        context.purge();
        if (outputIsView) {
            dropView();
        }
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
    @Override
    long retainedBytes() {
        if (outputIsView) {
            return 0;
        }
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
