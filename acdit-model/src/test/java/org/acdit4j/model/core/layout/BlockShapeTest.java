package org.acdit4j.model.core.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlockShapeTest {

    @Test
    void eachShapeReadsBackFromItsText() {
        for (BlockShape shape : BlockShape.values()) {
            assertThat(BlockShape.parse(shape.toString())).isEqualTo(shape);
        }
        assertThat(BlockShape.ROWS).hasToString("rows");
    }

    @Test
    void anUnknownTextListsTheShapes() {
        assertThatThrownBy(() -> BlockShape.parse("diagonal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be one of square, rows, got 'diagonal'");
    }
}
