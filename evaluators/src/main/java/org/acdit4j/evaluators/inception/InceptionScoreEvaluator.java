package org.acdit4j.evaluators.inception;

import java.util.Map;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.FeatureNetworkEvaluator;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.sampling.ModelSamples;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SampleQualityEvaluator;
import org.acdit4j.framework.model.ModelCapability;

/** The Inception-Score analogue of class-balanced samples, from the feature network's softmax. */
public final class InceptionScoreEvaluator extends FeatureNetworkEvaluator implements SampleQualityEvaluator {

    public static final String NAME = "inception-score";

    public InceptionScoreEvaluator(FeatureNetworks networks) {
        super(NAME, InceptionScoreMetrics.WRITTEN, ModelCapability.SAMPLING, networks);
    }

    @Override
    public EvaluationResult evaluate(EvaluationContext context) {
        FeatureNetwork network = network(context);
        ImageBatch generated = ModelSamples.draw(context);
        double score = InceptionScore.of(network.run(generated).probabilities());
        return result(Map.of(InceptionScoreMetrics.INCEPTION_SCORE.text(), score,
                InceptionScoreMetrics.SAMPLES.text(), (double) generated.size()), network);
    }
}
