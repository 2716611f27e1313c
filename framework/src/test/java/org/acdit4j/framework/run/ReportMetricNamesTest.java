package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.dsl.SpecException;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.spec.MetricDirection;
import org.acdit4j.framework.spec.MetricName;
import org.acdit4j.framework.spec.ReportElementSpec;
import org.acdit4j.framework.testing.TestModelType;
import org.junit.jupiter.api.Test;

/**
 * Preflight refuses a report declaration (plots, tables, curves, paired comparisons, any element added with
 * {@code report.element}) that names a metric no run can log, in one line naming it and the element, and lets through
 * the names a run logs whichever evaluators this configuration leaves on.
 */
class ReportMetricNamesTest {

    private static final Map<String, Evaluator> EVALUATORS = Map.of(
            "fid", evaluator("fid", true, "fid", "fid.samples"),
            "precision-recall", evaluator("precision-recall", true, "precision-recall.precision",
                    "precision-recall.recall"),
            "sampling-speed", evaluator("sampling-speed", false, "sampling-speed.secondsPerImage",
                    "sampling-speed.secondsPerImage.kvCache"));

    /**
     * An evaluator registered under {@code name} that writes the metrics {@code written} and measures nothing
     * (preflight only asks its name, its kind and the metrics it declares).
     */
    private static Evaluator evaluator(String name, boolean guided, String... written) {
        return new Evaluator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<MetricName> metrics() {
                return Stream.of(written).map(MetricName::new).toList();
            }

            @Override
            public Set<ModelCapability> requires() {
                return Set.of();
            }

            @Override
            public boolean guided() {
                return guided;
            }

            @Override
            public EvaluationResult evaluate(EvaluationContext context) {
                throw new UnsupportedOperationException("preflight never evaluates");
            }
        };
    }

    private static ExperimentDefinition reporting(String byConfiguration, String quantity, String paired) {
        return Experiment.define("names", e -> e.data(d -> d.name("synthetic-shapes").size(8))
                .model(TestModelType.TYPE, m -> m.patch(2)).evaluate(v -> v.use("fid").use("sampling-speed"))
                .sweep(s -> s.grid("model.blockSize", 16, 4))
                .report(r -> r.byConfiguration(new MetricName(byConfiguration))
                        .pairedBySeedAgainst(new MetricName(quantity), "model.blockSize", "16",
                                new MetricName(paired))));
    }

    private static final Preflight PREFLIGHT = new Preflight(Map.of(SyntheticShapes.NAME, new SyntheticShapes()),
            Map.of(TestModelType.NAME, TestModelType.FACTORY), EVALUATORS);

    private static List<String> preflight(ExperimentDefinition definition, String... overrides) {
        return PREFLIGHT.problems(SweepPlanner.plan(definition, null, List.of(overrides)));
    }

    @Test
    void namesRunsLogPassWhateverEvaluatorsTheConfigurationLeavesOn() {
        ExperimentDefinition logged = reporting("precision-recall.recall/cfg1.0", "train.flops", "fid/cfg2.5");

        assertThat(preflight(logged)).isEmpty();
        assertThat(preflight(logged, "evaluate.evaluators=")).isEmpty();
        assertThat(preflight(reporting("sampling-speed.secondsPerImage.kvCache", "parameters", "fid"),
                "report.byConfiguration=train.imagesSeen"))
                .containsExactly("[all plans] report.pairedBySeedAgainst: no run logs metric 'fid': fid is guided, so its "
                        + "metrics end in /cfg<scale>, a scale of evaluate.guidances (fid/cfg1.5)");
    }

    @Test
    void aNameNoRunLogsIsOneLineNamingIt() {
        assertThat(preflight(reporting("fdi/cfg1.5", "paramters", "sampling-speed.secondsPerImage/cfg1.5"))).containsExactly(
                "[all plans] report.byConfiguration: no run logs metric 'fdi/cfg1.5': runs log train.imagesSeen, "
                        + "train.flops, parameters, system.peakRssBytes, system.peakHeapBytes and metrics named after their evaluator "
                        + "(fid, precision-recall, sampling-speed)",
                "[all plans] report.pairedBySeedAgainst: no run logs metric 'paramters': runs log train.imagesSeen, "
                        + "train.flops, parameters, system.peakRssBytes, system.peakHeapBytes and metrics named after their evaluator "
                        + "(fid, precision-recall, sampling-speed)",
                "[all plans] report.pairedBySeedAgainst: no run logs metric 'sampling-speed.secondsPerImage/cfg1.5': "
                        + "sampling-speed is not guided, so its metrics have no /cfg<scale>");
        assertThatThrownBy(() -> PREFLIGHT.check("names",
                SweepPlanner.plan(reporting("fdi", "parameters", "fid/cfg1.5"), null, List.of())))
                .isInstanceOf(SpecException.class)
                .hasMessage("preflight of names (nothing was started): [all plans] report.byConfiguration: no run logs "
                        + "metric 'fdi': runs log train.imagesSeen, train.flops, parameters, system.peakRssBytes, system.peakHeapBytes and metrics named after their "
                        + "evaluator (fid, precision-recall, sampling-speed)");
    }

    @Test
    void everyDeclarationOfTheReportIsChecked() {
        ExperimentDefinition misspelt = Experiment.define("names", e -> e.data(d -> d.name("synthetic-shapes").size(8))
                .model(TestModelType.TYPE, m -> m.patch(2)).evaluate(v -> v.use("fid"))
                .sweep(s -> s.grid("model.blockSize", 16, 4))
                .report(r -> r.plot(new MetricName("fid"), "model.blockSize")
                        .metrics(new MetricName("fid/cfg1.5"), new MetricName("precison-recall.recall/cfg1.5"))
                        .progress(new MetricName("fid/cfg1.5"), new MetricName("sampling-speed/cfg1.0"))
                        .pairedBySeed("model.blockSize", "16", new MetricName("parameter"))
                        .byFrame(new MetricName("fid"), new MetricName("frame-fid"))
                        .headline(new MetricName("precison-recall.recall/cfg1.5"), MetricDirection.HIGHER_IS_BETTER)));

        assertThat(preflight(misspelt)).containsExactly(
                "[all plans] report.metrics: no run logs metric 'precison-recall.recall/cfg1.5': runs log "
                        + "train.imagesSeen, train.flops, parameters, system.peakRssBytes, system.peakHeapBytes and metrics named after their "
                        + "evaluator (fid, precision-recall, sampling-speed)",
                "[all plans] report.headline: no run logs metric 'precison-recall.recall/cfg1.5': runs log "
                        + "train.imagesSeen, train.flops, parameters, system.peakRssBytes, system.peakHeapBytes and metrics named after their "
                        + "evaluator (fid, precision-recall, sampling-speed)",
                "[all plans] report.plot: no run logs metric 'fid': fid is guided, so its metrics end in /cfg<scale>, a "
                        + "scale of evaluate.guidances (fid/cfg1.5)",
                "[all plans] report.progress: no run logs metric 'sampling-speed/cfg1.0': sampling-speed is not guided, "
                        + "so its metrics have no /cfg<scale>",
                "[all plans] report.byFrame: no run logs the per-frame metrics 'frame-fid.frame<t>': they are named "
                        + "after their evaluator (fid, precision-recall, sampling-speed)",
                "[all plans] report.pairedBySeed: no run logs metric 'parameter': runs log train.imagesSeen, train.flops, "
                        + "parameters, system.peakRssBytes, system.peakHeapBytes and metrics named after their evaluator (fid, precision-recall, sampling-speed)");
    }

    /** An element the framework does not have, reading one metric under its own key. */
    private record MarginSpec(String metric) implements ReportElementSpec {

        @Override
        public MetricsRead metricsRead() {
            return MetricsRead.of("report.margin", List.of(metric));
        }
    }

    @Test
    void anElementAddedWithElementIsCheckedLikeTheBuiltInOnes() {
        ExperimentDefinition margins = Experiment.define("names", e -> e.data(d -> d.name("synthetic-shapes").size(8))
                .model(TestModelType.TYPE, m -> m.patch(2)).evaluate(v -> v.use("sampling-speed"))
                .sweep(s -> s.grid("model.blockSize", 16, 4))
                .report(r -> r.element(new MarginSpec("sampling-speed.secondsPerImage.kvCache"))
                        .element(new MarginSpec("sampling-speed.secondsPerImage.kvcache"))));

        assertThat(preflight(margins)).containsExactly("[all plans] report.margin: no run logs metric "
                + "'sampling-speed.secondsPerImage.kvcache': sampling-speed logs sampling-speed.secondsPerImage, "
                + "sampling-speed.secondsPerImage.kvCache");
    }

    @Test
    void aMetricItsEvaluatorDoesNotWriteIsOneLineNamingThoseItWrites() {
        assertThat(preflight(reporting("fid.typo/cfg1.5", "parameters", "fid/cfg1.5"))).containsExactly(
                "[all plans] report.byConfiguration: no run logs metric 'fid.typo/cfg1.5': fid logs fid/cfg<scale>, "
                        + "fid.samples/cfg<scale>");
        assertThat(preflight(reporting("fid/cfg1.5", "parameters", "precision-recall.recal/cfg1.5"),
                "report.metrics=sampling-speed.secondsPerImage.kvcache")).containsExactly(
                "[all plans] report.metrics: no run logs metric 'sampling-speed.secondsPerImage.kvcache': "
                        + "sampling-speed logs sampling-speed.secondsPerImage, sampling-speed.secondsPerImage.kvCache",
                "[all plans] report.pairedBySeedAgainst: no run logs metric 'precision-recall.recal/cfg1.5': "
                        + "precision-recall logs precision-recall.precision/cfg<scale>, "
                        + "precision-recall.recall/cfg<scale>");
    }
}
