package org.acdit4j.model.core.layout;

import org.acdit4j.framework.spec.EnumTexts;

/**
 * How a frame's tokens are grouped into blocks smaller than the frame ({@code model.blockShape}, {@link TokenLayout});
 * blocks of one or more whole frames are the same under both. Bound from the command line by its {@link #toString()}
 * text.
 */
public enum BlockShape {

    /** s×s token groups, blocks in raster order, raster inside a block. */
    SQUARE("square"),
    /** Whole token rows. */
    ROWS("rows");

    private final String text;

    BlockShape(String text) {
        this.text = text;
    }

    /** The shape written {@code text}; an IllegalArgumentException listing the texts otherwise. */
    public static BlockShape parse(String text) {
        return EnumTexts.parse(BlockShape.class, text);
    }

    /** The text: {@code square} or {@code rows}. */
    @Override
    public String toString() {
        return text;
    }
}
