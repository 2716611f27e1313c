package org.acdit4j.framework.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void eachScheduleReadsBackFromItsText() {
        for (LearningRateSchedule schedule : LearningRateSchedule.values()) {
            assertThat(LearningRateSchedule.parse(schedule.toString())).isEqualTo(schedule);
        }
        assertThat(LearningRateSchedule.WSD).hasToString("wsd");
    }

    @Test
    void anUnknownTextListsTheSchedules() {
        assertThatThrownBy(() -> LearningRateSchedule.parse("linear")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be one of constant, cosine, wsd, got 'linear'");
    }
}
