package org.acdit4j.framework.dsl;

import org.acdit4j.framework.testing.TestModelType;
import static org.acdit4j.framework.dsl.DslFixture.assertProblem;
import static org.acdit4j.framework.dsl.DslFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.acdit4j.framework.spec.ComputeBasis;
import org.acdit4j.framework.spec.HeadlineSpec;
import org.acdit4j.framework.spec.MetricDirection;
import org.acdit4j.framework.spec.MetricName;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.framework.spec.PairedAgainstSpec;
import org.junit.jupiter.api.Test;

class TrackAndReportSectionTest {

    /** The metric the test plugin's evaluator logs. */
    private static final MetricName FID = new MetricName("fid");

    @Test
    void trackDefaultsToTheExperimentName() {
        assertThat(spec().track().experimentName()).isEqualTo("fixture");
        assertThat(spec("track.experimentName=other").track().experimentName()).isEqualTo("other");
    }

    @Test
    void everyTrackValidationError() {
        assertProblem("track.logEvery=0", "track.logEvery: must be at least 1, got 0");
        assertProblem("track.checkpointEvery=0", "track.checkpointEvery: must be at least 1, got 0");
        assertProblem("track.sampleEvery=-1", "track.sampleEvery: must be >= 0 (0 = only at the end), got -1");
        assertProblem("track.evaluateEvery=-1", "track.evaluateEvery: must be >= 0 (0 = only at the end), got -1");
        assertProblem("track.evaluateSamples=-5", "track.evaluateSamples: must be >= 0 (0 = evaluate.samples), got -5");
        assertProblem("track.evaluateWith=fid", "track.evaluateWith: 'fid' is not in evaluate.evaluators []");
        assertThat(spec("evaluate.evaluators=fid,class-agreement", "track.evaluateWith=class-agreement",
                "track.evaluateSamples=200").track().evaluateWith()).containsExactly("class-agreement");
    }

    @Test
    void aPairedComparisonMustBeOverASweptKeyWithMetrics() {
        ExperimentDefinition unswept = Experiment.define("unswept", e -> e.model(TestModelType.TYPE, Customizer.withDefaults()).report(r -> r.pairedBySeed("model.rope",
                "multi-axis", FID)));
        assertThatThrownBy(() -> unswept.spec(null, List.of()))
                .isInstanceOf(SpecException.class)
                .hasMessage("experiment 'unswept': report.pairedBySeed: key 'model.rope' is not swept; swept: ");
        ExperimentDefinition noMetric = Experiment.define("no-metric", e -> e.model(TestModelType.TYPE, Customizer.withDefaults()).sweep(s -> s.grid("model.rope", "none", "1d"))
                .report(r -> r.pairedBySeed("model.rope", "1d")));
        assertThatThrownBy(() -> noMetric.spec(null, List.of()))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("report.pairedBySeed: needs at least one metric name");
    }

    @Test
    void aPlotMustBeAgainstASweptKey() {
        ExperimentDefinition unswept = Experiment.define("unswept", e -> e.model(TestModelType.TYPE,
                Customizer.withDefaults()).report(r -> r.plot(FID, "model.depth")));
        assertThatThrownBy(() -> unswept.spec(null, List.of()))
                .isInstanceOf(SpecException.class)
                .hasMessage("experiment 'unswept': report.plot: parameter 'model.depth' of the fid plot is not swept; swept: ");
        ExperimentDefinition blank = Experiment.define("blank", e -> e.model(TestModelType.TYPE, Customizer.withDefaults())
                .sweep(s -> s.grid("model.depth", 1)).report(r -> r.plot(new MetricName(" "), "model.depth")));
        assertThatThrownBy(() -> blank.spec(null, List.of())).hasMessageContaining("report.plot: needs a metric name");
    }

    @Test
    void theHeadlineIsATabulatedMetricWithItsDirectionAndNotAKey() {
        ExperimentDefinition untabulated = Experiment.define("untabulated", e -> e.model(TestModelType.TYPE,
                Customizer.withDefaults()).report(r -> r.metrics(new MetricName("fid/cfg1.5"))
                .headline(new MetricName("fdi/cfg1.5"),
                MetricDirection.LOWER_IS_BETTER)));
        assertThatThrownBy(() -> untabulated.spec(null, List.of())).isInstanceOf(SpecException.class)
                .hasMessage("experiment 'untabulated': report.headline: metric 'fdi/cfg1.5' is not tabulated; "
                        + "report.metrics: fid/cfg1.5");
        ExperimentDefinition declared = Experiment.define("declared", e -> e.model(TestModelType.TYPE,
                Customizer.withDefaults()).report(r -> r
                .headline(new MetricName("fid/cfg1.5"), MetricDirection.HIGHER_IS_BETTER)
                .headline(new MetricName("fid/cfg1.5"), MetricDirection.LOWER_IS_BETTER)));
        assertThat(declared.spec(null, List.of()).report().headline())
                .contains(new HeadlineSpec("fid/cfg1.5", MetricDirection.LOWER_IS_BETTER));
        assertThat(declared.keys()).filteredOn(key -> key.startsWith("report.")).doesNotContain("report.headline");
        assertThat(spec().report().headline()).isEmpty();
    }

    @Test
    void aComparisonAgainstAQuantityIsOverASweptKeyAndReplacedByKeyAndQuantity() {
        ExperimentDefinition unswept = Experiment.define("unswept", e -> e.model(TestModelType.TYPE, Customizer.withDefaults())
                .evaluate(v -> v.use("fid"))
                .report(r -> r.pairedBySeedAgainst(RunMetrics.PARAMETERS, "model.rope", "multi-axis", FID)));
        assertThatThrownBy(() -> unswept.spec(null, List.of()))
                .isInstanceOf(SpecException.class)
                .hasMessage("experiment 'unswept': report.pairedBySeedAgainst: key 'model.rope' is not swept; swept: ");
        ExperimentDefinition replaced = Experiment.define("replaced", e -> e.model(TestModelType.TYPE, Customizer.withDefaults())
                .evaluate(v -> v.use("fid").use("class-agreement")).sweep(s -> s.grid("model.blockSize", 16, 4))
                .report(r -> r.pairedBySeedAgainst(RunMetrics.PARAMETERS, "model.blockSize", "16", FID)
                        .pairedBySeedAgainst(RunMetrics.TRAIN_FLOPS, "model.blockSize", "16", FID)
                        .pairedBySeedAgainst(RunMetrics.PARAMETERS, "model.blockSize", "4",
                                new MetricName("class-agreement"))));
        assertThat(replaced.spec(null, List.of()).report().pairedAgainst())
                .extracting(comparison -> comparison.quantity() + ": " + comparison.paired())
                .containsExactly("train.flops: PairedSpec[key=model.blockSize, baseline=16, metrics=[fid]]",
                        "parameters: PairedSpec[key=model.blockSize, baseline=4, metrics=[class-agreement]]");
    }

    @Test
    void anEqualComputeComparisonNeedsItsMetricsFollowedOverTrainingAndKeepsItsEqualStepsTwin() {
        ExperimentDefinition unfollowed = Experiment.define("unfollowed", e -> e
                .model(TestModelType.TYPE, Customizer.withDefaults()).evaluate(v -> v.use("fid").use("class-agreement"))
                .sweep(s -> s.grid("model.blockSize", 16, 4))
                .report(r -> r.progress(FID).pairedBySeedAgainst(ComputeBasis.EQUAL_COMPUTE, RunMetrics.PARAMETERS,
                        "model.blockSize", "16", FID, new MetricName("class-agreement"))));
        assertThatThrownBy(() -> unfollowed.spec(null, List.of()))
                .isInstanceOf(SpecException.class)
                .hasMessage("experiment 'unfollowed': report.pairedBySeedAgainst: metric 'class-agreement' is compared at "
                        + "equal compute but not followed over training; report.progress follows fid");
        ExperimentDefinition both = Experiment.define("both", e -> e.model(TestModelType.TYPE, Customizer.withDefaults())
                .evaluate(v -> v.use("fid")).sweep(s -> s.grid("model.blockSize", 16, 4))
                .report(r -> r.progress(FID).pairedBySeedAgainst(RunMetrics.PARAMETERS, "model.blockSize", "16", FID)
                        .pairedBySeedAgainst(ComputeBasis.EQUAL_COMPUTE, RunMetrics.PARAMETERS, "model.blockSize", "16",
                                FID)));
        assertThat(both.spec(null, List.of()).report().pairedAgainst()).extracting(PairedAgainstSpec::basis)
                .containsExactly(ComputeBasis.EQUAL_STEPS, ComputeBasis.EQUAL_COMPUTE);
    }
}
