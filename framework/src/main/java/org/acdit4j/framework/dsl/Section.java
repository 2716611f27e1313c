package org.acdit4j.framework.dsl;

/**
 * A mutable section of an experiment builder. Its non-static fields are its dotted keys
 * ({@code <section>.<field>}), set by the fluent methods, by presets and by command-line overrides.
 */
abstract class Section {

    /** The first part of this section's dotted keys, e.g. {@code model}. */
    abstract String key();

    /** Adds every problem of this section's current values. */
    abstract void validate(Problems problems);
}
