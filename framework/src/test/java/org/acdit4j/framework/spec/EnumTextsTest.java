package org.acdit4j.framework.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnumTextsTest {

    /** The framework's settings held as enums, each constant with the text runs' configurations hold. */
    @ParameterizedTest
    @CsvSource({"CONSTANT, constant", "COSINE, cosine", "WSD, wsd"})
    void eachScheduleIsWrittenAndReadBackAsItsText(LearningRateSchedule schedule, String text) {
        assertThat(schedule).hasToString(text);
        assertThat(EnumTexts.parse(LearningRateSchedule.class, text)).isEqualTo(schedule);
    }

    @Test
    void aConstantNameIsWrittenInLowerCaseWithHyphens() {
        assertThat(EnumTexts.text(Thread.State.TIMED_WAITING)).isEqualTo("timed-waiting");
    }

    @Test
    void anUnknownTextListsTheTextsInDeclarationOrder() {
        assertThatThrownBy(() -> EnumTexts.parse(LearningRateSchedule.class, "WSD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must be one of constant, cosine, wsd");
        assertThat(EnumTexts.allowed(LearningRateSchedule.class)).isEqualTo("constant, cosine, wsd");
    }
}
