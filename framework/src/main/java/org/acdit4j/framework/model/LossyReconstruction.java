package org.acdit4j.framework.model;

import org.acdit4j.framework.data.ImageBatch;

/**
 * Optional capability of a {@link GenerativeModel} that draws its images through a lossy encoding of them (for
 * example a codebook of patches): encode→decode of real images. Every image the model can sample is a decoding, so
 * these reconstructions show what the encoding alone costs (its round-trip reference): they bound the per-image error
 * of the round trip, how close a decoding can come to a given real image pixel by pixel, not the distance between
 * distributions, so the samples' FID or class agreement can legitimately be better than the reconstructions'
 * (docs/TOKEN_AR.md). The FID and class-agreement evaluators measure it beside the samples. Reach it through
 * {@link GenerativeModel#lossyReconstruction()}, which views of a model (such as the evaluation's shared samples)
 * pass on.
 */
public interface LossyReconstruction {

    /** encode→decode of {@code images}: the same geometry, count and labels; pixels in [-1, 1]. */
    ImageBatch reconstruct(ImageBatch images);
}
