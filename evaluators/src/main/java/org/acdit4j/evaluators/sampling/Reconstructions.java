package org.acdit4j.evaluators.sampling;

import java.util.Optional;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;

/**
 * The images of a model's round-trip reference: the {@code sampleCount} reference test images
 * ({@link ReferenceImages#test}, at most the whole split) passed through the model's lossy encoding
 * ({@link org.acdit4j.framework.model.LossyReconstruction}). Guidance does not enter them, so every guidance scale of
 * an evaluation sees the same ones.
 */
public final class Reconstructions {

    private Reconstructions() {
    }

    /** The reconstructed test images with their labels; empty for a model without a lossy encoding. */
    public static Optional<ImageBatch> of(EvaluationContext context) {
        return context.model().lossyReconstruction().map(reconstruction -> reconstruction.reconstruct(
                ReferenceImages.test(context)));
    }
}
