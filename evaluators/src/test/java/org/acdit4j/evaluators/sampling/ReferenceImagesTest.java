package org.acdit4j.evaluators.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.acdit4j.evaluators.features.ShippedFeatureNetworks;
import org.acdit4j.evaluators.fid.FidEvaluator;
import org.acdit4j.evaluators.precisionrecall.PrecisionRecallEvaluator;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.ImageSet;
import org.acdit4j.framework.data.TestDataDirectory;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.evaluation.SamplingSettings;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.testing.InferenceOnlyModel;
import org.acdit4j.framework.testing.TestSampling;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * FID and precision/recall compare with the same real images whatever the run's seed: a model whose samples do not
 * depend on the seed gets the same numbers at seeds 1 and 2, on real 16×16 MNIST.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceImagesTest {

    private static final int SAMPLES = 500;
    private static final SamplingSettings SAMPLING = new SamplingSettings(new TestSampling("euler", 1), 1.0, true, true);

    private final ShippedFeatureNetworks networks = new ShippedFeatureNetworks();
    private Dataset mnist;

    @BeforeAll
    void load() {
        mnist = TestDataDirectory.mnist().open(DataSpec.of("mnist", 16));
    }

    @Test
    void theReferenceIsTheSameAtEverySeed() {
        ImageBatch atSeed1 = ReferenceImages.train(context(1));
        ImageBatch atSeed2 = ReferenceImages.train(context(2));

        assertThat(atSeed2.pixels()).containsExactly(atSeed1.pixels());
        assertThat(atSeed1.pixels()).containsExactly(RealSubset.draw(mnist.train(), SAMPLES, 0).pixels());
        assertThat(ReferenceImages.test(context(2)).labels()).containsExactly(ReferenceImages.test(context(1)).labels());
    }

    @Test
    void aModelThatIgnoresTheSeedGetsTheSameFidAndPrecisionRecallAtEverySeed() {
        for (Evaluator evaluator : List.of(new FidEvaluator(networks), new PrecisionRecallEvaluator(networks))) {
            Map<String, Double> atSeed1 = evaluator.evaluate(context(1)).metrics();
            Map<String, Double> atSeed2 = evaluator.evaluate(context(2)).metrics();

            assertThat(atSeed1.values()).allSatisfy(value -> assertThat(value).isFinite());
            assertThat(atSeed2).isEqualTo(atSeed1);
        }
        assertThat(new FidEvaluator(networks).evaluate(context(1)).tags())
                .containsEntry("fid.reference", ReferenceImages.TRAIN);
    }

    private EvaluationContext context(long seed) {
        return new EvaluationContext(new TestImagesInOrder(mnist.test()), mnist, SAMPLING, SAMPLES, 250, seed);
    }

    /** The k-th request of class c in a call samples c's k-th test image, whatever the seed. */
    private static final class TestImagesInOrder extends InferenceOnlyModel {

        private final ImageSet test;

        TestImagesInOrder(ImageSet test) {
            super(test.geometry());
            this.test = test;
        }

        @Override
        public ImageBatch sample(SampleRequest request) {
            int[] labels = request.labels();
            int[] indices = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                int earlier = 0;
                for (int j = 0; j < i; j++) {
                    earlier += labels[j] == labels[i] ? 1 : 0;
                }
                int index = -1;
                for (int seen = -1; seen < earlier; ) {
                    index++;
                    seen += test.label(index) == labels[i] ? 1 : 0;
                }
                indices[i] = index;
            }
            return test.batch(indices);
        }
    }
}
