package org.acdit4j.evaluators.speed;

import org.acdit4j.framework.testing.TestSampling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.acdit4j.evaluators.testing.RowAttentionModel;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SamplingSettings;
import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;

class SamplingSpeedEvaluatorTest {

    @Test
    void measuresTheSpeedUpOfARealKeyValueCache() {
        Dataset shapes = new SyntheticShapes().open(DataSpec.of(SyntheticShapes.NAME, 32));
        RowAttentionModel model = new RowAttentionModel(shapes.geometry(), 9);
        SamplingSettings sampling = new SamplingSettings(new TestSampling("euler", 1), 1.0, false, true);

        EvaluationResult result = new SamplingSpeedEvaluator(10, 7)
                .evaluate(new EvaluationContext(model, shapes, sampling, 64, 16, 0));

        double perImage = result.metric("sampling-speed.secondsPerImage");
        double perImageCached = result.metric("sampling-speed.secondsPerImage.kvCache");
        assertThat(perImage * result.metric("sampling-speed.imagesPerSecond")).isCloseTo(1.0, within(1e-9));
        assertThat(perImageCached * result.metric("sampling-speed.imagesPerSecond.kvCache")).isCloseTo(1.0, within(1e-9));
        // without the cache each of the 32 steps re-projects every earlier row (~10x the arithmetic); the margin
        // is loose because the build machine is shared and the JIT warms up during the first calls
        assertThat(result.metric("sampling-speed.kvCacheSpeedup")).as(result.metrics().toString()).isGreaterThan(1.3);
        assertThat(result.metric("sampling-speed.gflopsPerImage") / result.metric("sampling-speed.gflopsPerImage.kvCache"))
                .isCloseTo(16.0, within(1e-9)); // 32 rows: 31·32/2 projections without the cache, 31 with it
        assertThat(result.metric("sampling-speed.batch")).isEqualTo(16.0);
        assertThat(result.metric("sampling-speed.repeats")).isEqualTo(7.0);
        assertThat(model.sample(sampling.request(new int[] {1, 2, 3}, 4)).pixels())
                .containsExactly(model.sample(sampling.withKvCache(true).request(new int[] {1, 2, 3}, 4)).pixels());
    }

    @Test
    void rejectsZeroRepeats() {
        assertThatThrownBy(() -> new SamplingSpeedEvaluator(1, 0))
                .hasMessage("sampling speed needs warmups >= 0 and repeats >= 1, got 1 and 0");
    }
}
