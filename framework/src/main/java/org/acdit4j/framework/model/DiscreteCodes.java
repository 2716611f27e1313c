package org.acdit4j.framework.model;

import org.acdit4j.framework.data.ImageBatch;

/**
 * Optional capability of a {@link GenerativeModel} that draws its images as sequences of discrete codes (for example
 * the token-AR model's codebook of patches): the code sequence of any image. Since every sample is a decoding of codes,
 * encoding a sample gives back the codes it was drawn as, so the memorisation evaluator can ask whether a sample's
 * sequence is a training image's sequence (an exact copy in the model's own space). Reach it through
 * {@link GenerativeModel#discreteCodes()}, which views of a model (such as the evaluation's shared samples) pass on.
 */
public interface DiscreteCodes {

    /** The codes of every example of {@code images}: (N, {@link #codesPerExample()}) flat. */
    int[] codes(ImageBatch images);

    /** Codes per example: L. */
    int codesPerExample();
}
