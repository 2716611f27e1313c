package org.acdit4j.framework.model;

import java.util.Optional;
import java.util.Set;

/**
 * What a configured model offers that an evaluator may require. The one declaration of a model's capabilities is
 * its factory's {@link ModelFactory#capabilities}: preflight checks the evaluators' {@link
 * org.acdit4j.framework.evaluation.Evaluator#requires} against it before any run starts, and a created model's
 * accessors ({@link GenerativeModel#fineTuning()}, {@link GenerativeModel#frameRollout()}) answer from the same set
 * ({@link #offer}). What evaluators only use when a model has it ({@link GenerativeModel#lossyReconstruction()},
 * {@link GenerativeModel#discreteCodes()}) needs no check before the model exists: its accessor alone declares it.
 */
public enum ModelCapability {
    /** Class-conditional samples, with classifier-free guidance ({@link GenerativeModel#sample}): every model. */
    SAMPLING,
    /** Features of clean examples ({@link GenerativeModel#encode}): every model. */
    FEATURES,
    /** A classifier head trained on top of the model ({@link GenerativeModel#fineTuning()}). */
    FINE_TUNING,
    /** Clips longer than the trained ones, frame block by frame block ({@link GenerativeModel#frameRollout()}). */
    FRAME_ROLLOUT;

    /**
     * {@code implementation} when {@code offered}, a model's declared capabilities, holds this one, else empty: how a
     * model's accessor answers from its factory's declaration.
     */
    public <T> Optional<T> offer(Set<ModelCapability> offered, T implementation) {
        return offered.contains(this) ? Optional.of(implementation) : Optional.empty();
    }
}
