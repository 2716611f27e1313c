package org.acdit4j.model.core.execution;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of a {@link CompiledGraph}: reads arrays from the graph's slots and writes its outputs into others. Most
 * are ND4J ops ({@link CompiledOp}); the compiler adds its own where a SameDiff op does more work than the graph
 * needs ({@link SumToShapeOp}).
 */
abstract class GraphOp {

    private final String name;
    private final int[] inputSlots;
    private final int[] outputSlots;

    /**
     * @param name        the SameDiff op's name, or one the compiler made from it (with a suffix such as {@code /dx})
     * @param inputSlots  the slots read, in the op's input order
     * @param outputSlots the slots written
     */
    GraphOp(String name, int[] inputSlots, int[] outputSlots) {
        this.name = name;
        this.inputSlots = inputSlots;
        this.outputSlots = outputSlots;
    }

    final String name() {
        return name;
    }

    final int[] inputSlots() {
        return inputSlots;
    }

    final int[] outputSlots() {
        return outputSlots;
    }

    /**
     * Whether the first output may be the first input's array or a view of it: that array must then live as long as
     * the output is read.
     */
    abstract boolean aliasesInput();

    /** Reads the inputs from {@code slots}, computes, and writes the outputs into {@code slots}. */
    abstract void run(INDArray[] slots);

    /** Frees the arrays this op owns and keeps for its next run; the next run allocates again. */
    abstract void releaseArrays();

    /** Bytes of the arrays this op owns and keeps for its next run. */
    abstract long retainedBytes();
}
