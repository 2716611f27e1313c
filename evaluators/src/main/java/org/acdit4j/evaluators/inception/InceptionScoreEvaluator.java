package org.acdit4j.evaluators.inception;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.sampling.ModelSamples;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SampleQualityEvaluator;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.spec.MetricName;

/** The Inception-Score analogue of class-balanced samples, from the feature network's softmax. */
public final class InceptionScoreEvaluator implements SampleQualityEvaluator {

    public static final String NAME = "inception-score";

    private final FeatureNetworks networks;

    public InceptionScoreEvaluator(FeatureNetworks networks) {
        this.networks = networks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<MetricName> metrics() {
        return InceptionScoreMetrics.WRITTEN;
    }

    @Override
    public Optional<String> cannotMeasure(DataSpec data, String datasetIdentity, Geometry geometry) {
        return networks.missingFor(data, datasetIdentity, geometry);
    }

    @Override
    public EvaluationResult evaluate(EvaluationContext context) {
        FeatureNetwork network = networks.forDataset(context.dataset());
        ImageBatch generated = ModelSamples.draw(context);
        double score = InceptionScore.of(network.run(generated).probabilities());
        return new EvaluationResult(Map.of(InceptionScoreMetrics.INCEPTION_SCORE.text(), score,
                        InceptionScoreMetrics.SAMPLES.text(), (double) generated.size()),
                Map.of(NAME + ".featureNetwork", network.fingerprint()), List.of());
    }
}
