package org.acdit4j.framework.model;

import java.util.Set;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.TrainSpec;

/**
 * A model plugin: its configuration type, validation against a dataset geometry, what it offers evaluators, and
 * fresh models. Registered by its type's name in a Guice {@code MapBinder}.
 */
public interface ModelFactory {

    /** The plugin's name and configuration sections. */
    ModelType<?, ?> type();

    /**
     * Adds every problem of {@code model} on data of {@code geometry} (tiling, head and width sizes, position
     * encodings), each naming its dotted key; called before any run starts.
     */
    void validate(ModelConfig model, Geometry geometry, Problems problems);

    /**
     * What a model of {@code model} on data of {@code geometry} can do for evaluators: the one declaration of its
     * capabilities, which preflight checks the evaluators' needs against and the created model's accessors answer
     * from ({@link ModelCapability#offer}).
     */
    Set<ModelCapability> capabilities(ModelConfig model, Geometry geometry);

    /**
     * The analytic FLOPs of one training step of {@code train.batch()} images, without building the model (a sweep
     * starts its costliest runs first); the same count as the created model's {@link GenerativeModel#trainFlopsPerStep}.
     */
    double trainFlopsPerStep(ModelConfig model, TrainSpec train, Geometry geometry);

    /** A fresh model; {@code model} is a configuration of this plugin's {@link #type()}. */
    GenerativeModel create(ModelConfig model, TrainSpec train, Geometry geometry, long seed);
}
