package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContextModeTest {

    @Test
    void eachModeReadsBackFromItsText() {
        for (ContextMode mode : ContextMode.values()) {
            assertThat(ContextMode.parse(mode.toString())).isEqualTo(mode);
        }
        assertThat(ContextMode.NOISY).hasToString("noisy");
    }

    @Test
    void anUnknownTextListsTheModes() {
        assertThatThrownBy(() -> ContextMode.parse("NOISY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be one of clean, noisy, got 'NOISY'");
    }
}
