package org.acdit4j.framework.dsl;

/** Configures one section (or a whole experiment) in place; calling a section twice configures the same object. */
@FunctionalInterface
public interface Customizer<T> {

    void customize(T section);

    /** Keeps the section's defaults. */
    static <T> Customizer<T> withDefaults() {
        return section -> { };
    }
}
