package org.acdit4j.model.core.execution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ops a SameDiff graph needs for some outputs, compiled once into a fixed sequence that runs without
 * SameDiff's session: every variable has an array slot (an index, no name look-ups while running), the ops run
 * in topological order straight through ND4J's executioner, each with its own op context.
 *
 * <p>Why: SameDiff 1.0.0-M2.1's {@code output} spends ~50–100 µs of bookkeeping per op (frame/iteration
 * tracking, name look-ups, a fresh output-shape calculation and allocation per op), against op times of tens of
 * µs in the sampling passes (docs/PERFORMANCE.md, sixth round). Here an op whose inputs have the same shapes as
 * in the previous call keeps its output arrays and skips the shape calculation; only ops whose input shapes
 * changed (the attention over a KV cache that grew) recompute them. Ops with a non-floating-point input (whose
 * values may decide the output shape) recompute them on every call.
 *
 * <p>Intermediate arrays are reused from call to call (freed when replaced, or all at once by
 * {@link #releaseArrays}); the arrays {@link #output} returns are fresh every call and belong to the caller. The SameDiff graph stays the definition and the reference ({@code sd.output} gives
 * the same values). Ops without plain data flow (control flow, tensor arrays, random, assign) are rejected
 * when compiling. A matmul's backward op runs as two matmuls ({@link MatmulGradient}). One instance serves one
 * caller at a time, which {@link #useThreads} may give several threads.
 */
public final class CompiledGraph implements GraphPass {

    /** Custom ops whose execution SameDiff special-cases (they do not just compute outputs from inputs). */
    private static final Set<String> UNSUPPORTED_CUSTOM = Set.of("Assign", "Invoke", "CreateView", "Assert",
            "ExternalErrorsFunction", "GradientBackwardsMarker");

    private final List<SDVariable> placeholders = new ArrayList<>();
    private final List<Integer> placeholderSlots = new ArrayList<>();
    private final List<SDVariable> parameters = new ArrayList<>();
    private final List<Integer> parameterSlots = new ArrayList<>();
    /** Slots of arrays the compiler added (a scalar one for {@link SigmoidGradient}) and their values. */
    private final List<Integer> constantSlots = new ArrayList<>();
    private final List<INDArray> constantValues = new ArrayList<>();
    private final List<GraphOp> ops = new ArrayList<>();
    private final List<String> outputs;
    private final int[] outputSlots;
    /** Whether an output's slot is written by an op that allocates its outputs afresh every call. */
    private final boolean[] outputsFresh;
    private final INDArray[] slots;
    /** Per op: the earlier ops whose outputs it is the last to read ({@link #outputOnce} frees them after it). */
    private final int[][] lastReaderOf;
    /** Bytes of the intermediate arrays the last {@link #outputOnce} call made, freed or not. */
    private long lastIntermediateBytes;
    /** The most bytes of intermediate arrays alive at once during the last {@link #outputOnce} call. */
    private long lastPeakLiveBytes;
    /** Threads {@link #output} runs the ops on ({@link #useThreads}). */
    private int threads = 1;
    /** The order of ops on several threads, from the op times of the first {@link #output} call after {@link #useThreads}. */
    private OpSchedule schedule;

    private CompiledGraph(SameDiff sd, List<String> outputs) {
        this.outputs = List.copyOf(outputs);
        Map<String, Integer> slotOf = new HashMap<>();
        List<SameDiffOp> order = topologicalOrder(sd, this.outputs);
        Set<String> requested = new HashSet<>(this.outputs);
        Set<String> read = new HashSet<>(requested);
        order.forEach(op -> read.addAll(op.getInputsToOp()));
        Map<Integer, Integer> sigmoidOfSlot = new HashMap<>();             // a sigmoid's input slot → its output's
        for (SameDiffOp op : order) {
            for (String input : op.getInputsToOp()) {
                if (!slotOf.containsKey(input)) {
                    bindLeaf(sd, input, slotOf);
                }
            }
            int[] in = op.getInputsToOp().stream().mapToInt(slotOf::get).toArray();
            if (op.getOp() instanceof Identity) {
                slotOf.put(op.getOutputsOfOp().get(0), in[0]);            // a pass-through: same array
                continue;
            }
            List<String> outs = op.getOutputsOfOp();
            int[] out = new int[outs.size()];
            boolean[] fresh = new boolean[outs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = slotOf.size();
                slotOf.put(outs.get(i), out[i]);
                fresh[i] = requested.contains(outs.get(i));
            }
            if (MatmulGradient.splits(op)) {
                ops.addAll(MatmulGradient.ops(op, in, out, outputTypes(sd, outs), fresh, read));
            } else if (AddGradient.splits(op)) {
                ops.addAll(AddGradient.ops(op, in, out, outputTypes(sd, outs), fresh, read));
            } else if (MultiplyGradient.splits(op)) {
                ops.addAll(MultiplyGradient.ops(op, in, out, outputTypes(sd, outs), fresh, read,
                        name -> newSlot(name, slotOf)));
            } else if (SigmoidGradient.replaces(op) && sigmoidOfSlot.containsKey(in[0])) {
                DataType type = outputTypes(sd, outs)[0];
                int one = constant(op.getName() + "/one", Nd4j.scalar(type, 1.0), slotOf);
                ops.addAll(SigmoidGradient.ops(op, sigmoidOfSlot.get(in[0]), in[1], one, out[0], type, fresh[0],
                        name -> newSlot(name, slotOf)));
            } else {
                ops.add(new CompiledOp(op, in, out, outputTypes(sd, outs), fresh));
                if (SigmoidGradient.isSigmoid(op)) {
                    sigmoidOfSlot.put(in[0], out[0]);
                }
            }
        }
        outputSlots = new int[this.outputs.size()];
        outputsFresh = new boolean[this.outputs.size()];
        for (int i = 0; i < outputSlots.length; i++) {
            String name = this.outputs.get(i);
            if (!slotOf.containsKey(name)) {
                bindLeaf(sd, name, slotOf);
            }
            outputSlots[i] = slotOf.get(name);
            String producer = sd.getVariables().get(name).getOutputOfOp();
            outputsFresh[i] = producer != null && !(sd.getOps().get(producer).getOp() instanceof Identity);
        }
        slots = new INDArray[slotOf.size()];
        lastReaderOf = lastReaders(ops.size(), slots.length);
    }

    /** A slot of its own for the compiler's intermediate array {@code name}. */
    private static int newSlot(String name, Map<String, Integer> slotOf) {
        int slot = slotOf.size();
        slotOf.put(name, slot);
        return slot;
    }

    /** A slot holding {@code value} in every call, for an op the compiler made. */
    private int constant(String name, INDArray value, Map<String, Integer> slotOf) {
        int slot = newSlot(name, slotOf);
        constantSlots.add(slot);
        constantValues.add(value);
        return slot;
    }

    /**
     * For each op, the producers whose every output is read for the last time by it (requested outputs never); an
     * array that a reshape views is read until the view's last reader.
     */
    private int[][] lastReaders(int opCount, int slotCount) {
        int[] lastRead = new int[slotCount];
        Arrays.fill(lastRead, -1);
        for (int i = 0; i < opCount; i++) {
            for (int slot : ops.get(i).inputSlots()) {
                lastRead[slot] = i;
            }
        }
        for (int slot : outputSlots) {
            lastRead[slot] = opCount;                                        // alive until the call returns
        }
        for (int i = opCount - 1; i >= 0; i--) {                             // later views first: chains of views
            GraphOp op = ops.get(i);
            if (op.aliasesInput()) {                                         // the viewed array outlives the view
                int viewed = op.inputSlots()[0];
                lastRead[viewed] = Math.max(lastRead[viewed], lastRead[op.outputSlots()[0]]);
            }
        }
        List<List<Integer>> freed = new ArrayList<>();
        for (int i = 0; i < opCount; i++) {
            freed.add(new ArrayList<>());
        }
        for (int p = 0; p < opCount; p++) {
            int last = p;
            for (int slot : ops.get(p).outputSlots()) {
                last = Math.max(last, lastRead[slot]);
            }
            if (last < opCount) {
                freed.get(last).add(p);
            }
        }
        return freed.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /**
     * Compiles the ops of {@code sd} that {@code outputs} need.
     *
     * @throws IllegalArgumentException naming the first op this executor cannot run, or an unknown output
     */
    public static CompiledGraph compile(SameDiff sd, List<String> outputs) {
        return new CompiledGraph(sd, outputs);
    }

    /** The requested outputs for these placeholder values, as {@code sd.output(placeholders, outputs)} gives them. */
    @Override
    public Map<String, INDArray> output(Map<String, INDArray> placeholderValues) {
        bindInputs(placeholderValues);
        if (threads == 1) {
            for (GraphOp op : ops) {
                op.run(slots);
            }
        } else if (schedule == null) {
            long[] opNanos = new long[ops.size()];
            for (int i = 0; i < opNanos.length; i++) {
                long start = System.nanoTime();
                ops.get(i).run(slots);
                opNanos[i] = System.nanoTime() - start;
            }
            schedule = scheduleFor(opNanos);
        } else {
            schedule.run(ops, slots, threads);
        }
        return results();
    }

    /** The schedule of this graph's ops on several threads, for op times {@code opNanos} (one per op, in order). */
    OpSchedule scheduleFor(long[] opNanos) {
        return OpSchedule.of(ops, slots.length, opNanos);
    }

    /**
     * Runs later {@link #output} calls' ops on {@code threads} threads, each op once its inputs exist
     * ({@link OpSchedule}): the next call runs them one after the other and times them, the calls after it in
     * parallel, with the same results. {@link #outputOnce} stays on the calling thread.
     */
    public void useThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a graph runs on at least one thread, got " + threads);
        }
        this.threads = threads;
        this.schedule = null;
    }

    private void bindInputs(Map<String, INDArray> placeholderValues) {
        for (int i = 0; i < placeholders.size(); i++) {
            SDVariable p = placeholders.get(i);
            INDArray value = placeholderValues.get(p.name());
            if (value == null) {
                throw new IllegalArgumentException("no array given for placeholder '" + p.name() + "'; given: "
                        + placeholderValues.keySet());
            }
            slots[placeholderSlots.get(i)] = value.dataType() == p.dataType() ? value : value.castTo(p.dataType());
        }
        for (int i = 0; i < parameters.size(); i++) {
            slots[parameterSlots.get(i)] = parameters.get(i).getArr();        // read every call: weights may be replaced
        }
        for (int i = 0; i < constantSlots.size(); i++) {
            slots[constantSlots.get(i)] = constantValues.get(i);
        }
    }

    private Map<String, INDArray> results() {
        Map<String, INDArray> result = new LinkedHashMap<>();
        for (int i = 0; i < outputSlots.length; i++) {
            INDArray a = slots[outputSlots[i]];
            result.put(outputs.get(i), outputsFresh[i] ? a : a.dup());     // never hand out a reused array
        }
        return result;
    }

    /**
     * As {@link #output}, for a pass that will not run again soon: every intermediate array is freed as soon as
     * its last consumer has run (as SameDiff's session does), so at most the live ones exist at once, and none
     * is kept after the call.
     */
    @Override
    public Map<String, INDArray> outputOnce(Map<String, INDArray> placeholderValues) {
        bindInputs(placeholderValues);
        long intermediateBytes = 0;
        long liveBytes = 0;
        long peakLiveBytes = 0;
        for (int i = 0; i < ops.size(); i++) {
            GraphOp op = ops.get(i);
            op.run(slots);
            long made = op.retainedBytes();
            intermediateBytes += made;
            liveBytes += made;
            peakLiveBytes = Math.max(peakLiveBytes, liveBytes);
            for (int producer : lastReaderOf[i]) {
                liveBytes -= ops.get(producer).retainedBytes();
                ops.get(producer).releaseArrays();
            }
        }
        Map<String, INDArray> result = results();
        releaseArrays();
        lastIntermediateBytes = intermediateBytes;
        lastPeakLiveBytes = peakLiveBytes;
        return result;
    }

    /** Bytes of all intermediate arrays of the last {@link #outputOnce} call: what {@link #output} would keep. */
    public long lastIntermediateBytes() {
        return lastIntermediateBytes;
    }

    /**
     * The most bytes of intermediate arrays alive at once during the last {@link #outputOnce} call (views counted
     * like arrays): the part of a step's resident set the graph's own arrays take.
     */
    public long lastPeakLiveBytes() {
        return lastPeakLiveBytes;
    }

    /** Frees every intermediate array now instead of keeping it for the next call (which then allocates again). */
    @Override
    public void releaseArrays() {
        for (GraphOp op : ops) {
            op.releaseArrays();
        }
        Arrays.fill(slots, null);
    }

    /** Bytes of the intermediate arrays kept for the next {@link #output} call (0 after {@link #outputOnce}). */
    public long retainedBytes() {
        long bytes = 0;
        for (GraphOp op : ops) {
            bytes += op.retainedBytes();
        }
        return bytes;
    }

    /** The names of the ops run per call, in order (the compiler's own carry a suffix, such as {@code /dx}). */
    List<String> opNames() {
        return ops.stream().map(GraphOp::name).toList();
    }

    /** Number of ops run per call (pass-throughs excluded). */
    public int opCount() {
        return ops.size();
    }

    private void bindLeaf(SameDiff sd, String name, Map<String, Integer> slotOf) {
        SDVariable v = sd.getVariable(name);
        if (v == null) {
            throw new IllegalArgumentException("the graph has no variable '" + name + "'");
        }
        int slot = slotOf.size();
        slotOf.put(name, slot);
        VariableType type = v.getVariableType();
        if (type == VariableType.PLACEHOLDER) {
            placeholders.add(v);
            placeholderSlots.add(slot);
        } else if (type == VariableType.CONSTANT || type == VariableType.VARIABLE) {
            parameters.add(v);
            parameterSlots.add(slot);
        } else {
            throw new IllegalArgumentException("variable '" + name + "' of type " + type + " has no producing op");
        }
    }

    /** The ops {@code outputs} depend on, each after the ops producing its inputs. */
    private static List<SameDiffOp> topologicalOrder(SameDiff sd, List<String> outputs) {
        List<SameDiffOp> order = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (String output : outputs) {
            Variable v = sd.getVariables().get(output);
            if (v == null) {
                throw new IllegalArgumentException("the graph has no variable '" + output + "'");
            }
            if (v.getOutputOfOp() != null) {
                visit(sd, v.getOutputOfOp(), visited, order);
            }
        }
        return order;
    }

    /** Depth-first post-order with an explicit stack (graphs of thousands of ops would overflow recursion). */
    private static void visit(SameDiff sd, String root, Set<String> visited, List<SameDiffOp> order) {
        final class Pending {
            final SameDiffOp op;
            int nextInput;

            Pending(SameDiffOp op) {
                this.op = op;
            }
        }
        ArrayDeque<Pending> stack = new ArrayDeque<>();
        if (visited.add(root)) {
            stack.push(new Pending(supported(sd.getOps().get(root))));
        }
        while (!stack.isEmpty()) {
            Pending top = stack.peek();
            List<String> inputs = top.op.getInputsToOp();
            if (top.nextInput < inputs.size()) {
                String producer = sd.getVariables().get(inputs.get(top.nextInput++)).getOutputOfOp();
                if (producer != null && visited.add(producer)) {
                    stack.push(new Pending(supported(sd.getOps().get(producer))));
                }
            } else {
                order.add(stack.pop().op);
            }
        }
    }

    /** The op itself, or a one-line error naming it when it needs more than plain data flow. */
    private static SameDiffOp supported(SameDiffOp op) {
        DifferentialFunction f = op.getOp();
        String kind = f.getClass().getSimpleName();
        String problem = null;
        if (f instanceof Identity) {
            return op;
        } else if (f instanceof RandomOp) {
            problem = "random ops are not supported";
        } else if (f instanceof DynamicCustomOp) {
            String pkg = f.getClass().getPackageName();
            if (pkg.contains(".controlflow") || pkg.contains(".tensorops") || UNSUPPORTED_CUSTOM.contains(kind)) {
                problem = "control flow, tensor-array, assign, invoke, assert and view ops are not supported";
            }
        } else if (f instanceof BaseOp) {
            int args = f.argNames().length;
            if (f instanceof ReduceOp && args > 1) {
                problem = "a legacy reduction with its axes as an input array is not supported";
            } else if (f instanceof ScalarOp && args > 1) {
                problem = "a legacy scalar op with its scalar as an input array is not supported";
            } else if (args > 2) {
                problem = "a legacy op with " + args + " inputs is not supported";
            }
        } else {
            problem = "only custom and legacy ND4J ops are supported";
        }
        if (problem != null) {
            throw new IllegalArgumentException("CompiledGraph cannot run op '" + op.getName() + "' (" + kind + "): "
                    + problem + "; run this graph with SameDiff.output");
        }
        return op;
    }

    private static DataType[] outputTypes(SameDiff sd, List<String> names) {
        return names.stream().map(n -> sd.getVariable(n).dataType()).toArray(DataType[]::new);
    }
}
