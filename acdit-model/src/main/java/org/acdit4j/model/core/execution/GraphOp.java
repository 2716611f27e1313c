package org.acdit4j.model.core.execution;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of a {@link CompiledGraph}: reads arrays from the graph's slots and writes its outputs into others. Most
 * are ND4J ops ({@link CompiledOp}); the compiler adds its own where a SameDiff op does more work than the graph
 * needs ({@link SumToShapeOp}).
 */
interface GraphOp {

    /** The SameDiff op's name, or one the compiler made from it (with a suffix such as {@code /dx}). */
    String name();

    /** The slots read, in the op's input order. */
    int[] inputSlots();

    /** The slots written. */
    int[] outputSlots();

    /**
     * Whether the first output may be the first input's array or a view of it: that array must then live as long as
     * the output is read.
     */
    boolean aliasesInput();

    /** Reads the inputs from {@code slots}, computes, and writes the outputs into {@code slots}. */
    void run(INDArray[] slots);

    /** Frees the arrays this op owns and keeps for its next run; the next run allocates again. */
    void releaseArrays();

    /** Bytes of the arrays this op owns and keeps for its next run. */
    long retainedBytes();
}
