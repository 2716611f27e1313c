package org.acdit4j.framework.spec;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * How reports present a swept key on the x axis of the plots against it: under {@code title}, with each configuration
 * at the number {@code position} computes from its resolved spec instead of at the key's raw value; empty when the
 * configuration has no place on the axis (a case of another model plugin). ACDiT presents {@code model.blockSize} as
 * the AR length, tokens / block size ({@code org.acdit4j.model.Acdit#AR_LENGTH}). Declared with
 * {@code report.axis(…)}; the plots draw a presented key as ordered categories named by their positions (1, 4, 16).
 */
public record SweptKeyAxis(String key, String title, Function<ExperimentSpec, OptionalDouble> position) {

    public SweptKeyAxis {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(position, "position");
    }
}
