package org.acdit4j.evaluators.video;

import java.util.List;
import org.acdit4j.evaluators.features.FeatureNetworkEvaluator;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SampleQualityEvaluator;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.spec.MetricName;

/**
 * A sample-quality evaluator of generated clips: it refuses a dataset of single images, draws the clips
 * ({@link ClipEvaluation}) and leaves a subclass only what it measures on them.
 */
abstract class ClipQualityEvaluator extends FeatureNetworkEvaluator implements SampleQualityEvaluator {

    ClipQualityEvaluator(String name, List<MetricName> metrics, FeatureNetworks networks) {
        super(name, metrics, ModelCapability.SAMPLING, networks);
    }

    @Override
    public final EvaluationResult evaluate(EvaluationContext context) {
        ClipEvaluation.requireClips(context, name());
        return measure(ClipEvaluation.draw(context, network(context)));
    }

    /** The result for these generated and reference clips. */
    abstract EvaluationResult measure(ClipEvaluation clips);
}
