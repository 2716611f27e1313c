package org.acdit4j.evaluators.agreement;

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

/**
 * Class agreement: the share of class-conditional samples that the feature network assigns to the label they
 * were conditioned on (chance is 1 / classes; the network's own test accuracy bounds what real images reach).
 */
public final class ClassAgreementEvaluator implements SampleQualityEvaluator {

    public static final String NAME = "class-agreement";

    private final FeatureNetworks networks;

    public ClassAgreementEvaluator(FeatureNetworks networks) {
        this.networks = networks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> cannotMeasure(DataSpec data, String datasetIdentity, Geometry geometry) {
        return networks.missingFor(data, datasetIdentity, geometry);
    }

    @Override
    public EvaluationResult evaluate(EvaluationContext context) {
        FeatureNetwork network = networks.forDataset(context.dataset());
        ImageBatch generated = ModelSamples.draw(context);
        return new EvaluationResult(
                Map.of(NAME, network.accuracy(generated), NAME + ".samples", (double) generated.size()),
                Map.of(NAME + ".featureNetwork", network.fingerprint()), List.of());
    }
}
