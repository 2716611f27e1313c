package org.acdit4j.evaluators.fid;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.sampling.ModelSamples;
import org.acdit4j.evaluators.sampling.RealSubset;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SampleQualityEvaluator;
import org.acdit4j.framework.spec.DataSpec;

/**
 * FID with the project's feature network: the Fréchet distance between Gaussian fits of the features of
 * {@code sampleCount} class-balanced samples and of as many (at most the whole split) seeded train images.
 */
public final class FidEvaluator implements SampleQualityEvaluator {

    public static final String NAME = "fid";

    private final FeatureNetworks networks;

    public FidEvaluator(FeatureNetworks networks) {
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
        ImageBatch real = RealSubset.draw(context.dataset().train(), context.sampleCount(), context.seed());
        double fid = between(network, generated, real);
        return new EvaluationResult(
                Map.of(NAME, fid, NAME + ".samples", (double) generated.size(), NAME + ".referenceSamples", (double) real.size()),
                Map.of(NAME + ".featureNetwork", network.fingerprint(), NAME + ".reference", "train split"),
                List.of());
    }

    /** The Fréchet distance between the feature distributions of two sets of images. */
    public static double between(FeatureNetwork network, ImageBatch first, ImageBatch second) {
        return FrechetDistance.between(GaussianFit.of(network.run(first).features()),
                GaussianFit.of(network.run(second).features()));
    }
}
