package org.acdit4j.framework.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LossWeightingTest {

    @Test
    void eachWeightingReadsBackFromItsText() {
        for (LossWeighting weighting : LossWeighting.values()) {
            assertThat(LossWeighting.parse(weighting.toString())).isEqualTo(weighting);
        }
        assertThat(LossWeighting.MIN_SNR).hasToString("min-snr");
    }

    @Test
    void anUnknownTextListsTheWeightings() {
        assertThatThrownBy(() -> LossWeighting.parse("MIN_SNR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be one of uniform, min-snr, got 'MIN_SNR'");
    }
}
