package org.acdit4j.framework.spec;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Settings held as enums and written as text: each constant's {@code toString()} ({@code min-snr} for
 * {@link LossWeighting#MIN_SNR}) is its name on the command line, in a run's configuration and in the tracker.
 */
public final class EnumTexts {

    private EnumTexts() {
    }

    /** The constant of enum {@code type} written {@code text}, if there is one. */
    public static <E> Optional<E> find(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.toString().equals(text)).findFirst();
    }

    /**
     * The constant of {@code type} written {@code text}.
     *
     * @throws IllegalArgumentException {@code must be one of uniform, min-snr, got 'snr'}
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        return find(type, text).orElseThrow(() -> new IllegalArgumentException(
                "must be one of " + allowed(type) + ", got '" + text + "'"));
    }

    /** {@code uniform, min-snr}: the texts of enum {@code type}'s constants, in declaration order. */
    public static String allowed(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }
}
