package org.acdit4j.evaluators.speed;

import org.acdit4j.framework.testing.InferenceOnlyModel;
import org.acdit4j.framework.testing.TestSampling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.acdit4j.evaluators.testing.RowAttentionModel;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SamplingSettings;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.spec.MetricName;
import org.junit.jupiter.api.Test;

/** What the evaluator asks of the model and what it derives; nothing here depends on how fast the machine is. */
class SamplingSpeedEvaluatorTest {

    private static final long SEED = 7;
    private static final int BATCH = 16;

    private final Dataset shapes = new SyntheticShapes().open(DataSpec.of(SyntheticShapes.NAME, 32));
    private final RowAttentionModel rowAttention = new RowAttentionModel(shapes.geometry(), 9);
    private final RecordingModel model = new RecordingModel(rowAttention);
    private final SamplingSettings sampling = new SamplingSettings(new TestSampling("euler", 1), 1.0, false, true);

    @Test
    void samplesOneBatchPerWarmUpAndRepeatWithoutThenWithTheCache() {
        new SamplingSpeedEvaluator(2, 3).evaluate(new EvaluationContext(model, shapes, sampling, 64, BATCH, SEED));

        List<Integer> labels = IntStream.range(0, BATCH).map(i -> i % SyntheticShapes.CLASSES).boxed().toList();
        assertThat(model.sampleCalls).containsExactly(
                // without the cache: two untimed warm-ups from the context's seed, then three timed repeats
                new SampleCall(false, SEED, labels), new SampleCall(false, SEED, labels),
                new SampleCall(false, SEED + 1, labels), new SampleCall(false, SEED + 2, labels),
                new SampleCall(false, SEED + 3, labels),
                // the same with the cache
                new SampleCall(true, SEED, labels), new SampleCall(true, SEED, labels),
                new SampleCall(true, SEED + 1, labels), new SampleCall(true, SEED + 2, labels),
                new SampleCall(true, SEED + 3, labels));
    }

    @Test
    void reportsTheModelsAnalyticFlopsPerImageOfEachMode() {
        EvaluationResult result = new SamplingSpeedEvaluator(0, 1)
                .evaluate(new EvaluationContext(model, shapes, sampling, 64, BATCH, SEED));

        // RowAttentionModel on 32 rows of 32 pixels: one key and value projection of a row costs
        // 2·(256·32 + 32·32) = 18,432 FLOPs; a sample makes 31·32/2 = 496 of them without the cache, 31 with it
        assertThat(result.metric("sampling-speed.gflopsPerImage")).isCloseTo(496 * 18_432 / 1e9, within(1e-15));
        assertThat(result.metric("sampling-speed.gflopsPerImage.kvCache")).isCloseTo(31 * 18_432 / 1e9, within(1e-15));
    }

    @Test
    void derivesRatesAndTheSpeedUpFromTheSameMedians() {
        EvaluationResult result = new SamplingSpeedEvaluator(1, 3)
                .evaluate(new EvaluationContext(model, shapes, sampling, 64, BATCH, SEED));

        double perImage = result.metric("sampling-speed.secondsPerImage");
        double perImageCached = result.metric("sampling-speed.secondsPerImage.kvCache");
        assertThat(perImage).isPositive();
        assertThat(perImageCached).isPositive();
        assertThat(perImage * result.metric("sampling-speed.imagesPerSecond")).isCloseTo(1.0, within(1e-9));
        assertThat(perImageCached * result.metric("sampling-speed.imagesPerSecond.kvCache")).isCloseTo(1.0, within(1e-9));
        assertThat(result.metric("sampling-speed.kvCacheSpeedup")).isCloseTo(perImage / perImageCached, within(1e-9));
        assertThat(result.metric("sampling-speed.batch")).isEqualTo(BATCH);
        assertThat(result.metric("sampling-speed.repeats")).isEqualTo(3.0);
    }

    @Test
    void writesExactlyTheMetricsItDeclares() {
        SamplingSpeedEvaluator evaluator = new SamplingSpeedEvaluator(0, 1);
        EvaluationResult result = evaluator.evaluate(new EvaluationContext(model, shapes, sampling, 64, BATCH, SEED));

        assertThat(result.metrics()).containsOnlyKeys(evaluator.metrics().stream().map(MetricName::text).toList());
        assertThat(SamplingSpeedMetrics.SECONDS_PER_IMAGE_KV_CACHE.text())
                .isEqualTo("sampling-speed.secondsPerImage.kvCache");
    }

    @Test
    void theTestModelDrawsTheSameImagesWithAndWithoutItsCache() {
        assertThat(rowAttention.sample(sampling.request(new int[] {1, 2, 3}, 4)).pixels())
                .containsExactly(rowAttention.sample(sampling.withKvCache(true).request(new int[] {1, 2, 3}, 4)).pixels());
    }

    @Test
    void rejectsZeroRepeats() {
        assertThatThrownBy(() -> new SamplingSpeedEvaluator(1, 0))
                .hasMessage("sampling speed needs warmups >= 0 and repeats >= 1, got 1 and 0");
    }

    /** One {@code sample} call as the model saw it. */
    private record SampleCall(boolean kvCache, long seed, List<Integer> labels) {
    }

    /** Passes everything to a real model and records each {@code sample} call. */
    private static final class RecordingModel extends InferenceOnlyModel {
        private final GenerativeModel model;
        private final List<SampleCall> sampleCalls = new ArrayList<>();

        RecordingModel(GenerativeModel model) {
            super(model.geometry());
            this.model = model;
        }

        @Override
        public ImageBatch sample(SampleRequest request) {
            sampleCalls.add(new SampleCall(request.kvCache(), request.seed(),
                    Arrays.stream(request.labels()).boxed().toList()));
            return model.sample(request);
        }

        @Override
        public double sampleFlopsPerImage(SampleRequest request) {
            return model.sampleFlopsPerImage(request);
        }

        @Override
        public float[][] encode(ImageBatch images) {
            return model.encode(images);
        }
    }
}
