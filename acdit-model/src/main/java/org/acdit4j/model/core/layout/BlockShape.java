package org.acdit4j.model.core.layout;

import org.acdit4j.framework.spec.EnumTexts;

/**
 * How a frame's tokens are grouped into blocks smaller than the frame ({@code model.blockShape}, {@link TokenLayout});
 * blocks of one or more whole frames are the same under both. Written as its {@link EnumTexts#text}.
 */
public enum BlockShape {

    /** s×s token groups, blocks in raster order, raster inside a block. */
    SQUARE,
    /** Whole token rows. */
    ROWS;

    /** The text: {@code square} or {@code rows}. */
    @Override
    public String toString() {
        return EnumTexts.text(this);
    }
}
