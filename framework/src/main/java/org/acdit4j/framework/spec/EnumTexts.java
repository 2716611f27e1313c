package org.acdit4j.framework.spec;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Settings held as enums and written as text: each constant's {@code toString()} ({@code wsd} for
 * {@link LearningRateSchedule#WSD}) is its name on the command line, in a run's configuration and in the tracker.
 * Settings write {@link #text} of their constants; a constant whose name cannot say it ({@code 1d},
 * {@code dpm-solver++}) declares its text with {@link WrittenAs}.
 */
public final class EnumTexts {

    private EnumTexts() {
    }

    /**
     * {@code min-snr} for a constant {@code MIN_SNR}: its name in lower case, with hyphens for underscores, or the text
     * its {@link WrittenAs} gives.
     */
    public static String text(Enum<?> constant) {
        WrittenAs writtenAs = declaration(constant).getAnnotation(WrittenAs.class);
        return writtenAs != null ? writtenAs.value() : constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code higher is better} for a constant {@code HIGHER_IS_BETTER}: its name in lower-case words. */
    public static String words(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * The constant of enum {@code type} written {@code text}: the one parser of settings held as enums.
     *
     * @throws IllegalArgumentException {@code must be one of constant, cosine, wsd} (the caller names the key and
     *                                  what it got)
     */
    public static <E> E parse(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.toString().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + allowed(type)));
    }

    /** {@code constant, cosine, wsd}: the texts of enum {@code type}'s constants, in declaration order. */
    public static String allowed(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static Field declaration(Enum<?> constant) {
        try {
            return constant.getDeclaringClass().getField(constant.name());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("an enum constant without its field: " + constant.name(), e);
        }
    }
}
