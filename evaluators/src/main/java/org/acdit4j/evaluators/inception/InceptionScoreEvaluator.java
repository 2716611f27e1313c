package org.acdit4j.evaluators.inception;

import java.util.Map;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.sampling.SampledImagesEvaluator;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;

/** The Inception-Score analogue of class-balanced samples, from the feature network's softmax. */
public final class InceptionScoreEvaluator extends SampledImagesEvaluator {

    public InceptionScoreEvaluator(FeatureNetworks networks) {
        super(InceptionScoreMetrics.EVALUATOR, InceptionScoreMetrics.WRITTEN, networks);
    }

    @Override
    protected EvaluationResult measure(EvaluationContext context, FeatureNetwork network, ImageBatch generated) {
        double score = InceptionScore.of(network.run(generated).probabilities());
        return result(Map.of(InceptionScoreMetrics.INCEPTION_SCORE.text(), score,
                InceptionScoreMetrics.SAMPLES.text(), (double) generated.size()), network);
    }
}
