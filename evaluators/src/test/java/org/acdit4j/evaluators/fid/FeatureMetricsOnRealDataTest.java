package org.acdit4j.evaluators.fid;

import org.acdit4j.framework.testing.TestSampling;
import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.evaluators.agreement.ClassAgreementEvaluator;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.ShippedFeatureNetworks;
import org.acdit4j.evaluators.inception.InceptionScoreEvaluator;
import org.acdit4j.evaluators.precisionrecall.PrecisionRecall;
import org.acdit4j.evaluators.precisionrecall.PrecisionRecallEvaluator;
import org.acdit4j.evaluators.sampling.RealSubset;
import org.acdit4j.evaluators.testing.Degradations;
import org.acdit4j.evaluators.testing.ReplayModel;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.TestDataDirectory;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SamplingSettings;
import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FID, precision/recall, IS analogue and class agreement on real Fashion-MNIST images and corruptions of them
 * (precision/recall also on MNIST).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeatureMetricsOnRealDataTest {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureMetricsOnRealDataTest.class);
    private static final int SAMPLES = 2000;
    private static final SamplingSettings SAMPLING = new SamplingSettings(new TestSampling("euler", 1), 1.0, true, true);

    private final ShippedFeatureNetworks networks = new ShippedFeatureNetworks();
    private Dataset fashion;
    private FeatureNetwork network;
    private ImageBatch test;
    private ImageBatch train;

    @BeforeAll
    void load() {
        fashion = TestDataDirectory.fashionMnist().open(DataSpec.of("fashion-mnist", 32));
        network = networks.forDataset(fashion);
        test = RealSubset.draw(fashion.test(), SAMPLES, 1);
        train = RealSubset.draw(fashion.train(), SAMPLES, 2);
    }

    @Test
    void fidOfRealImagesIsSmallAndGrowsWithNoiseAndBlur() {
        EvaluationResult realVsReal = new FidEvaluator(networks).evaluate(context(perfectModel(), 3));
        double fidReal = realVsReal.metric("fid");
        assertThat(realVsReal.metric("fid.samples")).isEqualTo(SAMPLES);
        assertThat(realVsReal.tags()).containsEntry("fid.featureNetwork", network.fingerprint());

        double[] sigmas = {0.05, 0.1, 0.2, 0.4};
        double[] noisy = new double[sigmas.length];
        for (int i = 0; i < sigmas.length; i++) {
            noisy[i] = FidEvaluator.between(network, Degradations.gaussianNoise(test, sigmas[i], 10 + i), train);
        }
        int[] radii = {1, 2, 3};
        double[] blurred = new double[radii.length];
        for (int i = 0; i < radii.length; i++) {
            blurred[i] = FidEvaluator.between(network, Degradations.boxBlur(test, radii[i]), train);
        }
        LOG.info("FID (fashion-mnist, {} samples): real test vs train {}; noise σ {} → {}; box blur radius {} → {}",
                SAMPLES, fidReal, sigmas, noisy, radii, blurred);

        assertThat(fidReal).isLessThan(noisy[0]);
        for (int i = 1; i < noisy.length; i++) {
            assertThat(noisy[i]).isGreaterThan(noisy[i - 1]);
        }
        assertThat(fidReal).isLessThan(blurred[0]);
        for (int i = 1; i < blurred.length; i++) {
            assertThat(blurred[i]).isGreaterThan(blurred[i - 1]);
        }
        assertThat(fidReal).isLessThan(0.1 * noisy[noisy.length - 1]);
    }

    @Test
    void precisionAndRecallSeparateRealImagesFromNoise() {
        PrecisionRecallEvaluator evaluator = new PrecisionRecallEvaluator(networks);
        EvaluationResult real = evaluator.evaluate(context(perfectModel(), 4));
        EvaluationResult noise = evaluator.evaluate(context(noiseModel(), 5));
        PrecisionRecall noised = PrecisionRecallEvaluator.between(network, Degradations.gaussianNoise(test, 0.2, 11), train);
        PrecisionRecall blurred = PrecisionRecallEvaluator.between(network, Degradations.boxBlur(test, 2), train);
        LOG.info("precision/recall (fashion-mnist, {} samples, k = 3, radius quantile {}): real {} / {}, noise {} / {}, "
                        + "noise σ 0.2 {}, box blur radius 2 {}", SAMPLES, PrecisionRecall.DEFAULT_RADIUS_QUANTILE,
                real.metric("precision-recall.precision"), real.metric("precision-recall.recall"),
                noise.metric("precision-recall.precision"), noise.metric("precision-recall.recall"), noised, blurred);

        // with k = 3 and 2,000 points two samples of the real distribution cover each other ~85%, not 100%
        assertThat(real.metric("precision-recall.precision")).isGreaterThanOrEqualTo(0.8);
        assertThat(real.metric("precision-recall.recall")).isGreaterThanOrEqualTo(0.8);
        assertThat(noise.metric("precision-recall.precision")).isLessThanOrEqualTo(0.05);
        assertThat(noise.metric("precision-recall.recall")).isLessThanOrEqualTo(0.05);
        for (PrecisionRecall degraded : new PrecisionRecall[] {noised, blurred}) {
            assertThat(degraded.precision()).isBetween(0.1, real.metric("precision-recall.precision") - 0.1);
        }
        assertThat(real.tags()).containsEntry("precision-recall.featureNetwork", network.fingerprint());
        assertThat(real.metric("precision-recall.samples")).isEqualTo(SAMPLES);
        assertThat(real.metric("precision-recall.radiusQuantile")).isEqualTo(PrecisionRecall.DEFAULT_RADIUS_QUANTILE);
    }

    @Test
    void precisionAndRecallSeparateRealDigitsFromNoise() {
        Dataset mnist = TestDataDirectory.mnist().open(DataSpec.of("mnist", 32));
        FeatureNetwork digits = networks.forDataset(mnist);
        ImageBatch heldOut = mnist.test().range(0, mnist.test().size());
        ImageBatch reference = RealSubset.draw(mnist.train(), heldOut.size(), 3);
        PrecisionRecall real = PrecisionRecallEvaluator.between(digits, heldOut, reference);
        PrecisionRecall noise = PrecisionRecallEvaluator.between(digits, Degradations.uniformNoise(heldOut, 12), reference);
        PrecisionRecall blurred = PrecisionRecallEvaluator.between(digits, Degradations.boxBlur(heldOut, 2), reference);
        LOG.info("precision/recall (mnist, {} test images vs as many train images): real {}, noise {}, box blur radius 2 {}",
                heldOut.size(), real, noise, blurred);

        assertThat(real.precision()).isGreaterThanOrEqualTo(0.8);
        assertThat(real.recall()).isGreaterThanOrEqualTo(0.8);
        assertThat(noise.precision()).isLessThanOrEqualTo(0.05);
        assertThat(noise.recall()).isLessThanOrEqualTo(0.05);
        assertThat(blurred.precision()).isBetween(0.1, real.precision() - 0.1);
    }

    @Test
    void classAgreementAndInceptionScoreRewardRecognisableClasses() {
        EvaluationResult agreementReal = new ClassAgreementEvaluator(networks).evaluate(context(perfectModel(), 6));
        EvaluationResult agreementNoise = new ClassAgreementEvaluator(networks).evaluate(context(noiseModel(), 7));
        EvaluationResult scoreReal = new InceptionScoreEvaluator(networks).evaluate(context(perfectModel(), 8));
        EvaluationResult scoreNoise = new InceptionScoreEvaluator(networks).evaluate(context(noiseModel(), 9));
        LOG.info("class agreement real {} noise {}; IS analogue real {} noise {}",
                agreementReal.metric("class-agreement"), agreementNoise.metric("class-agreement"),
                scoreReal.metric("inception-score"), scoreNoise.metric("inception-score"));

        assertThat(agreementReal.metric("class-agreement")).isGreaterThan(0.88);
        assertThat(agreementNoise.metric("class-agreement")).isLessThan(0.2);
        assertThat(scoreReal.metric("inception-score")).isGreaterThan(8.0);
        assertThat(scoreNoise.metric("inception-score")).isLessThan(4.0);
        assertThat(scoreReal.tags()).containsEntry("inception-score.featureNetwork", network.fingerprint());
    }

    /** A generator that returns real test images of the requested class. */
    private ReplayModel perfectModel() {
        return new ReplayModel(fashion.test(), (images, seed) -> images, images -> new float[images.size()][1]);
    }

    /** A generator that returns uniform noise. */
    private ReplayModel noiseModel() {
        return new ReplayModel(fashion.test(), Degradations::uniformNoise,
                images -> new float[images.size()][1]);
    }

    private EvaluationContext context(ReplayModel model, long seed) {
        return new EvaluationContext(model, fashion, SAMPLING, SAMPLES, 500, seed);
    }
}
