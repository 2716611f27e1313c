package org.acdit4j.evaluators.probe;

import org.acdit4j.framework.testing.TestSampling;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.acdit4j.evaluators.testing.ReplayModel;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.TestDataDirectory;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SamplingSettings;
import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;

class LinearProbeEvaluatorTest {

    private static final SamplingSettings SAMPLING = new SamplingSettings(new TestSampling("euler", 1), 1.0, true, true);

    @Test
    void rawPixelsReachTheUsualFashionMnistAccuracyAndRandomFeaturesDoWorse() {
        Dataset fashion = TestDataDirectory.fashionMnist().open(DataSpec.of("fashion-mnist", 32));
        // a model whose encoder ignores the image: 64 Gaussian numbers drawn fresh for every example
        Random random = new Random(42);
        ReplayModel.Encoder randomFeatures = images -> {
            float[][] rows = new float[images.size()][64];
            for (float[] row : rows) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) random.nextGaussian();
                }
            }
            return rows;
        };
        ReplayModel model = new ReplayModel(fashion.test(), (images, seed) -> images, randomFeatures);

        EvaluationResult result = new LinearProbeEvaluator()
                .evaluate(new EvaluationContext(model, fashion, SAMPLING, 60_000, 1000, 0));

        assertThat(result.metric("linear-probe.trainExamples")).isEqualTo(60_000.0);
        assertThat(result.metric("linear-probe.testExamples")).isEqualTo(10_000.0);
        assertThat(result.metric("linear-probe.rawPixelAccuracy")).isBetween(0.80, 0.86);
        assertThat(result.metric("linear-probe.accuracy")).isLessThan(0.15);
    }

    @Test
    void informativeFeaturesBeatRawPixels() {
        Dataset fashion = TestDataDirectory.fashionMnist().open(DataSpec.of("fashion-mnist", 32));
        // an encoder that knows the label (one-hot) is a representation no linear probe can miss
        ReplayModel.Encoder labelFeatures = images -> {
            float[][] rows = new float[images.size()][10];
            for (int i = 0; i < rows.length; i++) {
                rows[i][images.labels()[i]] = 1f;
            }
            return rows;
        };
        ReplayModel model = new ReplayModel(fashion.test(), (images, seed) -> images, labelFeatures);

        EvaluationResult result = new LinearProbeEvaluator()
                .evaluate(new EvaluationContext(model, fashion, SAMPLING, 5000, 1000, 1));

        assertThat(result.metric("linear-probe.accuracy")).isEqualTo(1.0);
        assertThat(result.metric("linear-probe.rawPixelAccuracy")).isBetween(0.70, 0.86);
    }
}
