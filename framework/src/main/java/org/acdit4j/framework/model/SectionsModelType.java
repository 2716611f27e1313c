package org.acdit4j.framework.model;

import java.util.function.Supplier;
import org.acdit4j.framework.dsl.ModelSection;
import org.acdit4j.framework.dsl.SamplerSection;

/** A {@link ModelType} of its name and the makers of its fresh sections ({@link ModelType#of}). */
record SectionsModelType<M extends ModelSection, S extends SamplerSection>(String name, Supplier<M> modelSection,
                                                                          Supplier<S> samplerSection)
        implements ModelType<M, S> {

    @Override
    public M newModelSection() {
        return modelSection.get();
    }

    @Override
    public S newSamplerSection() {
        return samplerSection.get();
    }
}
