package org.acdit4j.framework.run;

import org.acdit4j.framework.testing.TestModelType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acdit4j.framework.model.ModelCapability;
import java.util.concurrent.atomic.AtomicInteger;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.MetricName;
import org.acdit4j.framework.testing.ClassMeanModel;
import org.junit.jupiter.api.Test;

class EvaluatorsStepTest {

    private final Dataset dataset = new SyntheticShapes().open(DataSpec.of(SyntheticShapes.NAME, 8));
    private final AtomicInteger sampleCalls = new AtomicInteger();
    private final List<Double> guidancesSeen = new ArrayList<>();

    /** A model that counts how often it is asked for samples. */
    private final GenerativeModel counting = new ClassMeanModel(dataset.geometry(), 0.1) {
        @Override
        public ImageBatch sample(SampleRequest request) {
            sampleCalls.incrementAndGet();
            return super.sample(request);
        }
    };

    /** Mean pixel of the samples it draws, as an evaluator registered under {@code name}, guided or not. */
    private Evaluator meanPixel(String name, boolean guided) {
        return new ScriptedEvaluator(name, List.of(new MetricName(name), new MetricName(name + ".samples")),
                Set.of(ModelCapability.SAMPLING), guided, context -> {
                    guidancesSeen.add(context.sampling().guidance());
                    float[] pixels = context.model().sample(context.sampling().request(new int[] {0, 1, 2},
                            context.seed())).pixels();
                    double sum = 0;
                    for (float pixel : pixels) {
                        sum += pixel;
                    }
                    return new EvaluationResult(Map.of(name, sum / pixels.length, name + ".samples", 3.0),
                            Map.of(name + ".featureNetwork", "f00d"), List.of());
                });
    }

    private ExperimentSpec spec(String evaluators) {
        return Experiment.define("step", e -> e.data(d -> d.name(SyntheticShapes.NAME).size(8)).model(TestModelType.TYPE, m -> m.patch(2)))
                .spec(null, List.of("evaluate.evaluators=" + evaluators, "evaluate.guidances=1,2.5", "sample.guidance=1.5"));
    }

    @Test
    void guidedEvaluatorsRunPerGuidanceWithSuffixedKeysAndShareTheirSamples() {
        EvaluatorsStep step = new EvaluatorsStep(Map.of("fid", meanPixel("fid", true), "class-agreement", meanPixel("class-agreement", true),
                "linear-probe", meanPixel("linear-probe", false)));

        EvaluationResult result = step.evaluate(counting, dataset, spec("fid,class-agreement,linear-probe"), 3, Path.of("unused"));

        assertThat(result.metrics()).containsOnlyKeys("fid/cfg1.0", "fid.samples/cfg1.0", "fid/cfg2.5", "fid.samples/cfg2.5",
                "class-agreement/cfg1.0", "class-agreement.samples/cfg1.0", "class-agreement/cfg2.5",
                "class-agreement.samples/cfg2.5", "linear-probe", "linear-probe.samples");
        assertThat(result.metrics().get("fid/cfg1.0")).isEqualTo(result.metrics().get("class-agreement/cfg1.0"));
        assertThat(guidancesSeen).containsExactly(1.0, 2.5, 1.0, 2.5, 1.5);
        // the guided fid and class-agreement share one draw per guidance; linear-probe (not guided) draws its own
        assertThat(sampleCalls.get()).isEqualTo(3);
        assertThat(result.tags()).containsEntry("fid.featureNetwork", "f00d");
    }

    @Test
    void anUnknownEvaluatorNamesTheKeyAndTheKnownOnes() {
        EvaluatorsStep step = new EvaluatorsStep(Map.of("fid", meanPixel("fid", true)));

        assertThatThrownBy(() -> step.evaluate(counting, dataset, spec("fdi"), 0, Path.of("unused")))
                .hasMessage("evaluate.evaluators: unknown evaluator 'fdi'; known: fid");
    }
}
