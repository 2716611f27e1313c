package org.acdit4j.framework.dsl;

/**
 * A mutable section of an experiment builder. Its non-static, non-final, non-transient fields, its superclasses'
 * first, are its dotted keys ({@code <section>.<field>}), set by the fluent methods, by presets and cases, and by
 * command-line overrides.
 * Model plugins extend {@link ModelSection} and {@link SamplerSection}.
 */
public abstract class Section {

    /** The first part of this section's dotted keys, e.g. {@code model}. */
    protected abstract String key();

    /**
     * Adds every problem of this section's current values, each naming its dotted key; an enum key holding no
     * constant is found for every section alike ({@link DottedKeys#requireConstants}).
     */
    protected abstract void validate(Problems problems);
}
