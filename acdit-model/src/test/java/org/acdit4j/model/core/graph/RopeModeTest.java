package org.acdit4j.model.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RopeModeTest {

    @Test
    void eachModeReadsBackFromItsText() {
        for (RopeMode mode : RopeMode.values()) {
            assertThat(RopeMode.parse(mode.toString())).isEqualTo(mode);
        }
        assertThat(RopeMode.ONE_D).hasToString("1d");
    }

    @Test
    void anUnknownTextListsTheModes() {
        assertThatThrownBy(() -> RopeMode.parse("2d")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be one of multi-axis, 1d, none, got '2d'");
    }
}
