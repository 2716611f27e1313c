package org.acdit4j.framework.model;

import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.spec.ModelSpec;
import org.acdit4j.framework.spec.TrainSpec;

/** Creates a fresh model for a dataset geometry. Registered by name in a Guice {@code MapBinder}. */
public interface ModelFactory {

    GenerativeModel create(ModelSpec model, TrainSpec train, Geometry geometry, long seed);
}
