package org.acdit4j.evaluators.sampling;

import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;

/**
 * The real images that a classifier on the model's representation learns from and is scored on (the linear probe and
 * the fine-tune): {@code sampleCount} train images drawn with the run's seed, so that each run fits its own subset,
 * and the whole test split.
 */
public final class ClassifierImages {

    private ClassifierImages() {
    }

    /** {@code context.sampleCount()} train images (at most the split) drawn with {@code context.seed()}. */
    public static ImageBatch train(EvaluationContext context) {
        return RealSubset.draw(context.dataset().train(), context.sampleCount(), context.seed());
    }

    /** Every image of the test split, in order. */
    public static ImageBatch test(EvaluationContext context) {
        return context.dataset().test().range(0, context.dataset().test().size());
    }
}
