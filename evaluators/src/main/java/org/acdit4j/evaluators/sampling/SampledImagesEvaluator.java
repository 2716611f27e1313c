package org.acdit4j.evaluators.sampling;

import java.util.List;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.FeatureNetworkEvaluator;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SampleQualityEvaluator;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.spec.MetricName;

/**
 * A feature-network evaluator of class-balanced generated images: it draws the samples ({@link ModelSamples}), finds
 * the dataset's network, and leaves a subclass only what it measures on them.
 */
public abstract class SampledImagesEvaluator extends FeatureNetworkEvaluator implements SampleQualityEvaluator {

    /**
     * @param name     the registered name, the prefix of every metric and tag key
     * @param metrics  what {@link #measure} writes
     * @param networks where the network of a dataset comes from
     */
    protected SampledImagesEvaluator(String name, List<MetricName> metrics, FeatureNetworks networks) {
        super(name, metrics, ModelCapability.SAMPLING, networks);
    }

    @Override
    public final EvaluationResult evaluate(EvaluationContext context) {
        return measure(context, network(context), ModelSamples.draw(context));
    }

    /** The result for {@code generated}, drawn for {@code context}, measured with {@code network}. */
    protected abstract EvaluationResult measure(EvaluationContext context, FeatureNetwork network,
                                                ImageBatch generated);
}
