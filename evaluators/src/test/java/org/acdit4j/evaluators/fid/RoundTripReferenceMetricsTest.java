package org.acdit4j.evaluators.fid;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.evaluators.agreement.ClassAgreementEvaluator;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.ShippedFeatureNetworks;
import org.acdit4j.evaluators.sampling.RealSubset;
import org.acdit4j.evaluators.sampling.ReferenceImages;
import org.acdit4j.evaluators.testing.Degradations;
import org.acdit4j.evaluators.testing.ReplayModel;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.TestDataDirectory;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SamplingSettings;
import org.acdit4j.framework.model.LossyReconstruction;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.testing.TestSampling;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The round-trip reference of FID and class agreement on real 16×16 digits: a model whose lossy encoding is a box
 * blur gets the metrics of exactly the blurred reference test images (FID against the samples' own train reference,
 * agreement with the true labels); a model without one gets the metrics it always had and nothing more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripReferenceMetricsTest {

    private static final int SAMPLES = 600;
    private static final long SEED = 7;
    private static final SamplingSettings SAMPLING = new SamplingSettings(new TestSampling("euler", 1), 1.0, true, true);

    private final ShippedFeatureNetworks networks = new ShippedFeatureNetworks();
    private Dataset mnist;
    private FeatureNetwork network;

    @BeforeAll
    void load() {
        mnist = TestDataDirectory.mnist().open(DataSpec.of("mnist", 16));
        network = networks.forDataset(mnist);
    }

    @Test
    void aModelWithALossyEncodingIsScoredOnItsReconstructionsOfTestImages() {
        EvaluationContext context = new EvaluationContext(new BlurringCodec(mnist), mnist, SAMPLING, SAMPLES, 200, SEED);
        EvaluationResult fid = new FidEvaluator(networks).evaluate(context);
        EvaluationResult agreement = new ClassAgreementEvaluator(networks).evaluate(context);

        ImageBatch test = RealSubset.draw(mnist.test(), SAMPLES, ReferenceImages.SEED);
        ImageBatch blurred = Degradations.boxBlur(test, 1);
        ImageBatch reference = RealSubset.draw(mnist.train(), SAMPLES, ReferenceImages.SEED);
        assertThat(fid.metric("fid.reconstruction")).isEqualTo(FidEvaluator.between(network, blurred, reference));
        assertThat(fid.metric("fid.reconstruction")).isGreaterThan(FidEvaluator.between(network, test, reference));
        assertThat(fid.metric("fid.reconstruction.samples")).isEqualTo(SAMPLES);
        assertThat(agreement.metric("class-agreement.reconstruction")).isEqualTo(network.accuracy(blurred))
                .isLessThan(network.accuracy(test));
        assertThat(agreement.metric("class-agreement.reconstruction.samples")).isEqualTo(SAMPLES);
    }

    @Test
    void aModelWithoutOneGetsTheSameMetricsAsBefore() {
        ReplayModel replay = new ReplayModel(mnist.test(), (images, seed) -> images, images -> new float[images.size()][1]);
        EvaluationContext context = new EvaluationContext(replay, mnist, SAMPLING, SAMPLES, 200, SEED);

        assertThat(new FidEvaluator(networks).evaluate(context).metrics())
                .containsOnlyKeys("fid", "fid.samples", "fid.referenceSamples");
        assertThat(new ClassAgreementEvaluator(networks).evaluate(context).metrics())
                .containsOnlyKeys("class-agreement", "class-agreement.samples");
    }

    /** Samples are box-blurred real test images of the requested class; the lossy encoding is the same blur. */
    private static final class BlurringCodec extends ReplayModel implements LossyReconstruction {

        BlurringCodec(Dataset dataset) {
            super(dataset.test(), (images, seed) -> Degradations.boxBlur(images, 1),
                    images -> new float[images.size()][1]);
        }

        @Override
        public ImageBatch reconstruct(ImageBatch images) {
            return Degradations.boxBlur(images, 1);
        }
    }
}
