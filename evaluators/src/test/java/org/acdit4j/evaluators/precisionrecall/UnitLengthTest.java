package org.acdit4j.evaluators.precisionrecall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitLengthTest {

    @Test
    void scalesEachRowToLengthOneAndKeepsZeroRows() {
        float[][] scaled = PrecisionRecallEvaluator.unitLength(new float[][] {{3, 4}, {0, 0}, {0, 2}});
        assertThat(scaled[0]).containsExactly(0.6f, 0.8f);
        assertThat(scaled[1]).containsExactly(0f, 0f);
        assertThat(scaled[2]).containsExactly(0f, 1f);
    }
}
