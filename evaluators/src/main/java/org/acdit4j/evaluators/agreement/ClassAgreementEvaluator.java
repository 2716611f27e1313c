package org.acdit4j.evaluators.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.sampling.ModelSamples;
import org.acdit4j.evaluators.sampling.Reconstructions;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SampleQualityEvaluator;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.spec.MetricName;

/**
 * Class agreement: the share of class-conditional samples that the feature network assigns to the label they
 * were conditioned on (chance is 1 / classes; the network's own test accuracy bounds what real images reach). For a
 * model that draws through a lossy encoding, also {@code class-agreement.reconstruction} (its round-trip reference):
 * the share of its encode→decode of as many test images ({@link Reconstructions}) assigned to their true class: what
 * the encoding alone keeps, not a bound on the samples (guided samples can exceed it, docs/TOKEN_AR.md).
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
    public List<MetricName> metrics() {
        return ClassAgreementMetrics.WRITTEN;
    }

    @Override
    public Optional<String> cannotMeasure(DataSpec data, String datasetIdentity, Geometry geometry) {
        return networks.missingFor(data, datasetIdentity, geometry);
    }

    @Override
    public EvaluationResult evaluate(EvaluationContext context) {
        FeatureNetwork network = networks.forDataset(context.dataset());
        ImageBatch generated = ModelSamples.draw(context);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(ClassAgreementMetrics.CLASS_AGREEMENT.text(), network.accuracy(generated));
        metrics.put(ClassAgreementMetrics.SAMPLES.text(), (double) generated.size());
        Reconstructions.of(context).ifPresent(reconstructed -> {
            metrics.put(ClassAgreementMetrics.RECONSTRUCTION.text(), network.accuracy(reconstructed));
            metrics.put(ClassAgreementMetrics.RECONSTRUCTION_SAMPLES.text(), (double) reconstructed.size());
        });
        return new EvaluationResult(metrics, Map.of(NAME + ".featureNetwork", network.fingerprint()), List.of());
    }
}
