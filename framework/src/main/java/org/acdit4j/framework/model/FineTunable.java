package org.acdit4j.framework.model;

/**
 * Optional capability of a {@link GenerativeModel}: its encoder (what {@code encode} computes before pooling) can
 * be fine-tuned as an image classifier, as in the fine-tune protocol of representation-learning benchmarks.
 */
public interface FineTunable {

    /**
     * A classifier made of a copy of this model's current encoder weights and a fresh linear head over
     * {@code classes} classes, every parameter trainable by AdamW at a constant {@code learningRate} with
     * decoupled {@code weightDecay}. Training it never changes this model.
     */
    FineTunedClassifier classifierCopy(int classes, double learningRate, double weightDecay);
}
