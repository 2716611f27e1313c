package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.acdit4j.framework.spec.EnumTexts;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.LossWeighting;
import org.acdit4j.model.diffusion.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The model settings held as enums: each constant's text, as runs' configurations hold it, reads back as it. */
class SettingTextsTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of(ContextMode.CLEAN, "clean"), Arguments.of(ContextMode.NOISY, "noisy"),
                Arguments.of(RopeMode.MULTI_AXIS, "multi-axis"), Arguments.of(RopeMode.ONE_D, "1d"),
                Arguments.of(RopeMode.NONE, "none"),
                Arguments.of(BlockShape.SQUARE, "square"), Arguments.of(BlockShape.ROWS, "rows"),
                Arguments.of(Solver.DDIM, "ddim"), Arguments.of(Solver.DPM_SOLVER_PLUS_PLUS, "dpm-solver++"),
                Arguments.of(Solver.EULER, "euler"), Arguments.of(Solver.HEUN, "heun"),
                Arguments.of(LossWeighting.UNIFORM, "uniform"), Arguments.of(LossWeighting.MIN_SNR, "min-snr"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void eachSettingIsWrittenAndReadBackAsItsText(Enum<?> setting, String text) {
        assertThat(setting).hasToString(text);
        assertThat(EnumTexts.parse(setting.getDeclaringClass(), text)).isEqualTo(setting);
    }

    @Test
    void everyConstantHasItsText() {
        assertThat(texts().map(arguments -> arguments.get()[0])).containsExactlyInAnyOrderElementsOf(Stream.of(
                ContextMode.class, RopeMode.class, BlockShape.class, Solver.class, LossWeighting.class)
                .flatMap(type -> Arrays.stream(type.getEnumConstants())).toList());
    }

    @Test
    void anUnknownTextListsTheTexts() {
        assertThatThrownBy(() -> EnumTexts.parse(Solver.class, "rk4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be one of ddim, dpm-solver++, euler, heun");
    }
}
