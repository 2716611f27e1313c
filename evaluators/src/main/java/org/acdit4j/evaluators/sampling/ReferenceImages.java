package org.acdit4j.evaluators.sampling;

import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;

/**
 * The real images that sample-based metrics compare with: {@code sampleCount} examples (at most the split) drawn with
 * the fixed {@link #SEED}, whatever the run's seed. Every run of an experiment is then measured against the same
 * images, so the spread of a metric across seeds is the models' own and not that of the reference draw (with the run's
 * seed, the draw alone moved the token-AR's FID of reconstructions by 6 on 16×16 MNIST, issue 32).
 */
public final class ReferenceImages {

    /** The seed of every reference draw: 0, so seed-0 runs keep the reference they were measured against before. */
    public static final long SEED = 0;

    /** What the train reference is, for the evaluators' {@code .reference} tags. */
    public static final String TRAIN = "train split, fixed subset (seed " + SEED + ")";

    private ReferenceImages() {
    }

    /** The train-split reference of FID, precision/recall and the video Fréchet distances. */
    public static ImageBatch train(EvaluationContext context) {
        return RealSubset.draw(context.dataset().train(), context.sampleCount(), SEED);
    }

    /** The held-out images: the round-trip reference's inputs and the memorisation evaluator's yardstick. */
    public static ImageBatch test(EvaluationContext context) {
        return RealSubset.draw(context.dataset().test(), context.sampleCount(), SEED);
    }
}
