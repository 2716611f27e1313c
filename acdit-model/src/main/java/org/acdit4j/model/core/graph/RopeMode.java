package org.acdit4j.model.core.graph;

import org.acdit4j.framework.spec.EnumTexts;
import org.acdit4j.framework.spec.WrittenAs;

/**
 * How the attention's queries and keys learn where a token sits ({@code model.rope}, {@link RopeNd}); bound from the
 * command line by its {@link #toString()} text.
 */
public enum RopeMode {

    /**
     * The paper's rotary embedding over several axes (Eq. 4): the head dim split into one segment per axis (frame, row,
     * column), each rotated by the token's position on its axis.
     */
    MULTI_AXIS,
    /** A single segment, the whole head, rotated by the token's index in the generation order. */
    @WrittenAs("1d") ONE_D,
    /** No rotary embedding: attention sees no positions. */
    NONE;

    /** The text: {@code multi-axis}, {@code 1d} or {@code none}. */
    @Override
    public String toString() {
        return EnumTexts.text(this);
    }
}
