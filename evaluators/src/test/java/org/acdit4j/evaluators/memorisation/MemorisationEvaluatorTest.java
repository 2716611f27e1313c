package org.acdit4j.evaluators.memorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.acdit4j.evaluators.testing.ReplayModel;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.TestDataDirectory;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SamplingSettings;
import org.acdit4j.framework.model.DiscreteCodes;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.testing.InferenceOnlyModel;
import org.acdit4j.framework.testing.TestSampling;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memorisation evaluator on real 16×16 MNIST (9,001 train, 999 test images), 1,000 samples each: a model that
 * replays training images is caught (every sample an exact copy and nearer than the test images' 5th percentile), one
 * that replays held-out test images is not (about 5% below it, median ratio about 1), and a model that draws a coarse
 * code of training images is caught in its code space while no sample is a pixel copy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemorisationEvaluatorTest {

    private static final Logger LOG = LoggerFactory.getLogger(MemorisationEvaluatorTest.class);
    private static final int SAMPLES = 1000;
    private static final SamplingSettings SAMPLING = new SamplingSettings(new TestSampling("euler", 1), 1.0, true, true);

    private Dataset mnist;

    @BeforeAll
    void load() {
        mnist = TestDataDirectory.mnist().open(DataSpec.of("mnist", 16));
    }

    private EvaluationResult evaluate(GenerativeModel model) {
        return new MemorisationEvaluator().evaluate(new EvaluationContext(model, mnist, SAMPLING, SAMPLES, 250, 3));
    }

    @Test
    void aModelThatReplaysTrainingImagesIsCaught() {
        long start = System.nanoTime();
        EvaluationResult result = evaluate(new ReplayModel(mnist.train(), (images, seed) -> images, images -> null));
        LOG.info("memorisation of {} replayed training images against {} train images in {} s: {}", SAMPLES,
                mnist.train().size(), String.format("%.2f", (System.nanoTime() - start) / 1e9), result.metrics());

        assertThat(result.metric("memorisation.pixelCopies")).isEqualTo(1.0);
        assertThat(result.metric("memorisation.nearerThanTestP5")).isEqualTo(1.0);
        assertThat(result.metric("memorisation.medianDistance")).isCloseTo(0.0, within(1e-2));
        assertThat(result.metric("memorisation.medianRatio")).isLessThan(0.01);
        assertThat(result.metric("memorisation.test.pixelCopies")).isLessThan(0.01);
        assertThat(result.metric("memorisation.testSamples")).isEqualTo(mnist.test().size());
        assertThat(result.metric("memorisation.trainImages")).isEqualTo(mnist.train().size());
    }

    @Test
    void aModelThatReplaysHeldOutImagesIsNot() {
        EvaluationResult result = evaluate(new ReplayModel(mnist.test(), (images, seed) -> images, images -> null));
        LOG.info("memorisation of {} replayed test images: {}", SAMPLES, result.metrics());

        assertThat(result.metric("memorisation.nearerThanTestP5")).isBetween(0.02, 0.09);
        assertThat(result.metric("memorisation.medianRatio")).isBetween(0.93, 1.07);
        assertThat(result.metric("memorisation.test.medianDistance")).isBetween(1.0, 4.0);
        assertThat(result.metric("memorisation.testP5"))
                .isLessThan(result.metric("memorisation.test.medianDistance"));
        assertThat(result.metric("memorisation.pixelCopies")).isLessThan(0.01);
        assertThat(result.metrics()).doesNotContainKeys("memorisation.tokenCopies", "memorisation.test.tokenCopies");
    }

    @Test
    void aModelThatDrawsTrainingCodesIsCaughtInCodeSpace() {
        EvaluationResult result = evaluate(new PatchMeanCodes(mnist));
        LOG.info("memorisation of {} decoded training codes: {}", SAMPLES, result.metrics());

        assertThat(result.metric("memorisation.tokenCopies")).isEqualTo(1.0);
        assertThat(result.metric("memorisation.test.tokenCopies")).isLessThan(0.5);
        assertThat(result.metric("memorisation.pixelCopies")).isZero();
    }

    /**
     * A coarse discrete code: each 4×4 patch of a 16×16 image is one of 16 codes, its mean's level. Samples are the
     * decodings of training images' codes (every patch set to its level's centre), so each sample's code sequence is
     * a training image's, while its pixels are no training image's.
     */
    private static final class PatchMeanCodes extends InferenceOnlyModel implements DiscreteCodes {

        private static final int PATCH = 4;
        private static final int LEVELS = 16;

        private final ReplayModel training;

        PatchMeanCodes(Dataset dataset) {
            super(dataset.geometry());
            this.training = new ReplayModel(dataset.train(), (images, seed) -> images, images -> null);
        }

        @Override
        public ImageBatch sample(SampleRequest request) {
            ImageBatch originals = training.sample(request);
            return new ImageBatch(originals.geometry(), decode(codes(originals), originals.size()), originals.labels());
        }

        @Override
        public int[] codes(ImageBatch images) {
            Geometry g = images.geometry();
            int perRow = g.width() / PATCH;
            int length = codesPerExample();
            int[] codes = new int[images.size() * length]; // (N, L)
            for (int i = 0; i < images.size(); i++) {
                for (int p = 0; p < length; p++) {
                    double sum = 0;
                    for (int y = 0; y < PATCH; y++) {
                        for (int x = 0; x < PATCH; x++) {
                            int row = (p / perRow) * PATCH + y;
                            int column = (p % perRow) * PATCH + x;
                            sum += images.pixels()[i * g.valuesPerExample() + row * g.width() + column];
                        }
                    }
                    double unit = (sum / (PATCH * PATCH) + 1) / 2;
                    codes[i * length + p] = Math.min(LEVELS - 1, (int) (unit * LEVELS));
                }
            }
            return codes;
        }

        @Override
        public int codesPerExample() {
            return (geometry().height() / PATCH) * (geometry().width() / PATCH);
        }

        /** Pixels (N, 1, H, W) of codes (N, L): every patch its level's centre. */
        private float[] decode(int[] codes, int n) {
            Geometry g = geometry();
            int perRow = g.width() / PATCH;
            int length = codesPerExample();
            float[] pixels = new float[n * g.valuesPerExample()];
            for (int i = 0; i < n; i++) {
                for (int row = 0; row < g.height(); row++) {
                    for (int column = 0; column < g.width(); column++) {
                        int code = codes[i * length + (row / PATCH) * perRow + column / PATCH];
                        pixels[i * g.valuesPerExample() + row * g.width() + column] = (code + 0.5f) / LEVELS * 2 - 1;
                    }
                }
            }
            return pixels;
        }
    }
}
