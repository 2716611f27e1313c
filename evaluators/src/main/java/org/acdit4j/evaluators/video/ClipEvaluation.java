package org.acdit4j.evaluators.video;

import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.sampling.ModelSamples;
import org.acdit4j.evaluators.sampling.ReferenceImages;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;

/**
 * What the clip metrics compare: {@code sampleCount} class-balanced generated clips and as many reference training
 * clips, with the network that measures their frames.
 */
record ClipEvaluation(FeatureNetwork network, ImageBatch generated, ImageBatch real, int frames) {

    /** Fails with one line naming {@code evaluator} unless the dataset holds clips. */
    static void requireClips(EvaluationContext context, String evaluator) {
        if (context.dataset().geometry().frames() < 2) {
            throw new IllegalArgumentException(evaluator + " measures clips; dataset " + context.dataset().name()
                    + " has single images (use fid)");
        }
    }

    /** The clips to compare, measured by {@code network}; call {@link #requireClips} first. */
    static ClipEvaluation draw(EvaluationContext context, FeatureNetwork network) {
        return new ClipEvaluation(network, ModelSamples.draw(context),
                ReferenceImages.train(context),
                context.dataset().geometry().frames());
    }
}
