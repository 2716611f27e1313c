package org.acdit4j.evaluators.agreement;

import java.util.LinkedHashMap;
import java.util.Map;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.sampling.Reconstructions;
import org.acdit4j.evaluators.sampling.SampledImagesEvaluator;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;

/**
 * Class agreement: the share of class-conditional samples that the feature network assigns to the label they
 * were conditioned on (chance is 1 / classes; the network's own test accuracy bounds what real images reach). For a
 * model that draws through a lossy encoding, also {@code class-agreement.reconstruction} (its round-trip reference):
 * the share of its encode→decode of as many test images ({@link Reconstructions}) assigned to their true class: what
 * the encoding alone keeps, not a bound on the samples (guided samples can exceed it, docs/TOKEN_AR.md).
 */
public final class ClassAgreementEvaluator extends SampledImagesEvaluator {

    public ClassAgreementEvaluator(FeatureNetworks networks) {
        super(ClassAgreementMetrics.EVALUATOR, ClassAgreementMetrics.WRITTEN, networks);
    }

    @Override
    protected EvaluationResult measure(EvaluationContext context, FeatureNetwork network, ImageBatch generated) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(ClassAgreementMetrics.CLASS_AGREEMENT.text(), network.accuracy(generated));
        metrics.put(ClassAgreementMetrics.SAMPLES.text(), (double) generated.size());
        Reconstructions.of(context).ifPresent(reconstructed -> {
            metrics.put(ClassAgreementMetrics.RECONSTRUCTION.text(), network.accuracy(reconstructed));
            metrics.put(ClassAgreementMetrics.RECONSTRUCTION_SAMPLES.text(), (double) reconstructed.size());
        });
        return result(metrics, network);
    }
}
