package org.acdit4j.framework.dsl;

import org.acdit4j.framework.model.SamplerConfig;

/**
 * The model plugin's part of {@code sample}: how its models draw (a diffusion solver and steps, or a temperature
 * and top-k), one field per dotted key {@code sample.<field>} beside the shared ones of {@link SampleSection}.
 */
public abstract class SamplerSection extends Section {

    @Override
    protected final String key() {
        return "sample";
    }

    /** The immutable settings of the current values, already validated. */
    protected abstract SamplerConfig freeze();
}
