package org.acdit4j.framework.model;

import java.util.function.Supplier;
import org.acdit4j.framework.dsl.ModelSection;
import org.acdit4j.framework.dsl.SamplerSection;

/**
 * What the DSL knows of a model plugin: its registered name and fresh configuration sections holding its
 * defaults. A definition selects a model with {@code e.model(Acdit.TYPE, m -> m.width(64))}; the command line
 * with {@code model.name=<name>} among the types the definition mentions.
 *
 * @param <M> the plugin's {@code model} section
 * @param <S> the plugin's part of the {@code sample} section
 */
public interface ModelType<M extends ModelSection, S extends SamplerSection> {

    /** Registered name, the value of {@code model.name}. */
    String name();

    /** A {@code model} section holding this plugin's defaults. */
    M newModelSection();

    /** This plugin's {@code sample} settings holding their defaults. */
    S newSamplerSection();

    /**
     * The type of the plugin registered as {@code name}, whose sections {@code modelSection} and
     * {@code samplerSection} make fresh: {@code ModelType.of("acdit", AcditSection::new, DiffusionSamplerSection::new)}.
     */
    static <M extends ModelSection, S extends SamplerSection> ModelType<M, S> of(String name, Supplier<M> modelSection,
                                                                                Supplier<S> samplerSection) {
        return new SectionsModelType<>(name, modelSection, samplerSection);
    }
}
