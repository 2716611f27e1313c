package org.acdit4j.framework.dsl;

/** Configures one section (or a whole experiment) in place; calling a section twice configures the same object. */
@FunctionalInterface
public interface Customizer<T> {

    void customize(T section);

    /** This customizer, then {@code next}: shared settings followed by an experiment's own. */
    default Customizer<T> andThen(Customizer<T> next) {
        return section -> {
            customize(section);
            next.customize(section);
        };
    }

    /** Keeps the section's defaults. */
    static <T> Customizer<T> withDefaults() {
        return section -> { };
    }
}
