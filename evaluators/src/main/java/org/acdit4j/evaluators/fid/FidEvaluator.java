package org.acdit4j.evaluators.fid;

import java.util.LinkedHashMap;
import java.util.Map;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.sampling.Reconstructions;
import org.acdit4j.evaluators.sampling.ReferenceImages;
import org.acdit4j.evaluators.sampling.SampledImagesEvaluator;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;

/**
 * FID with the project's feature network: the Fréchet distance between Gaussian fits of the features of
 * {@code sampleCount} class-balanced samples and of as many (at most the whole split) train images of the fixed
 * reference ({@link ReferenceImages}, the same at every run seed). For a model that draws through a lossy encoding,
 * also {@code fid.reconstruction}: the same distance for its encode→decode of as many test images
 * ({@link Reconstructions}), its round-trip reference: what the encoding costs per image, not a bound on the samples'
 * FID (docs/TOKEN_AR.md).
 */
public final class FidEvaluator extends SampledImagesEvaluator {

    public FidEvaluator(FeatureNetworks networks) {
        super(FidMetrics.EVALUATOR, FidMetrics.WRITTEN, networks);
    }

    @Override
    protected EvaluationResult measure(EvaluationContext context, FeatureNetwork network, ImageBatch generated) {
        ImageBatch real = ReferenceImages.train(context);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(FidMetrics.FID.text(), between(network, generated, real));
        metrics.put(FidMetrics.SAMPLES.text(), (double) generated.size());
        metrics.put(FidMetrics.REFERENCE_SAMPLES.text(), (double) real.size());
        Reconstructions.of(context).ifPresent(reconstructed -> {
            metrics.put(FidMetrics.RECONSTRUCTION.text(), between(network, reconstructed, real));
            metrics.put(FidMetrics.RECONSTRUCTION_SAMPLES.text(), (double) reconstructed.size());
        });
        return result(metrics, network, Map.of(name() + ".reference", ReferenceImages.TRAIN));
    }

    /** The Fréchet distance between the feature distributions of two sets of images. */
    public static double between(FeatureNetwork network, ImageBatch first, ImageBatch second) {
        return FrechetDistance.between(GaussianFit.of(network.run(first).features()),
                GaussianFit.of(network.run(second).features()));
    }
}
