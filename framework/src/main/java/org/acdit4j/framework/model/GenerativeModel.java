package org.acdit4j.framework.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;

/**
 * A trainable class-conditional generative model, as the runner and the evaluators see it.
 * One instance holds one set of weights plus their optimizer and EMA state.
 *
 * <p>Optional capabilities are interfaces ({@link FineTunable}, {@link FrameRollout}, {@link LossyReconstruction},
 * {@link DiscreteCodes}) reached only through the accessor of each ({@link #fineTuning()}, {@link #frameRollout()},
 * {@link #lossyReconstruction()}, {@link #discreteCodes()}), empty unless the model overrides it; views of a model
 * pass them on. Those an evaluator may require are declared once, by the model's factory
 * ({@link ModelFactory#capabilities}, checked by preflight before the model exists), and their accessors answer from
 * that declaration ({@link ModelCapability#offer}).
 */
public interface GenerativeModel {

    Geometry geometry();

    /**
     * Frees the arrays that sampling and encoding keep between calls for speed (compiled passes' intermediates), which
     * training does not use, and hands freed memory back to the system: called after each evaluation while training
     * and again at the next logged step (when collections have freed the evaluation's other arrays), so that a long
     * run's resident set goes back to its training level between evaluations. The next call allocates them again.
     */
    default void releaseInferenceArrays() {
    }

    /** One optimizer step on {@code batch}; returns the loss before the update. */
    TrainStepResult trainStep(ImageBatch batch);

    /** Draws one example per label of the request; pixels in [-1, 1]. */
    ImageBatch sample(SampleRequest request);

    /** Features of clean examples for understanding metrics: (N, featureSize). */
    float[][] encode(ImageBatch images);

    long parameterCount();

    /** The model's encoder as a classifier to fine-tune ({@link ModelCapability#FINE_TUNING}), when it offers one. */
    default Optional<FineTunable> fineTuning() {
        return Optional.empty();
    }

    /** Clips longer than the trained ones ({@link ModelCapability#FRAME_ROLLOUT}), when the model offers them. */
    default Optional<FrameRollout> frameRollout() {
        return Optional.empty();
    }

    /** The model's encode→decode of real images ({@link LossyReconstruction}), when it draws through a lossy encoding. */
    default Optional<LossyReconstruction> lossyReconstruction() {
        return Optional.empty();
    }

    /** The code sequences of images ({@link DiscreteCodes}), when the model draws its images as discrete codes. */
    default Optional<DiscreteCodes> discreteCodes() {
        return Optional.empty();
    }

    /** Floating-point operations of one training step (forward + backward) at this batch size. */
    double trainFlopsPerStep(int batchSize);

    /** Floating-point operations to sample one image with {@code request}'s solver settings. */
    double sampleFlopsPerImage(SampleRequest request);

    /** Number of optimizer steps taken so far. */
    long step();

    /** Writes the full training state (weights, EMA, optimizer, step, RNG, config) atomically. */
    void save(Path checkpoint) throws IOException;

    /** Restores a state written by {@link #save}; the configuration must match. */
    void restore(Path checkpoint) throws IOException;
}
