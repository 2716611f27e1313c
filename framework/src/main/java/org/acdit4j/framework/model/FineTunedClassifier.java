package org.acdit4j.framework.model;

import org.acdit4j.framework.data.ImageBatch;

/** An encoder plus linear classification head being fine-tuned (see {@link FineTunable}). */
public interface FineTunedClassifier {

    /** One optimizer step of softmax cross-entropy on {@code batch}'s labels; returns the loss before the update. */
    double trainStep(ImageBatch batch);

    /** The most probable class of each image. */
    int[] predict(ImageBatch images);
}
