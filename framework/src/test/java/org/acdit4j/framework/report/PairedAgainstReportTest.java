package org.acdit4j.framework.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.ComputeBasis;
import org.acdit4j.framework.spec.PairedAgainstSpec;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.framework.testing.TestMetrics;
import org.acdit4j.framework.testing.TestModelType;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gap between two block sizes, paired by seed within each of two widths, against the runs' parameter counts and
 * training FLOPs, as model-scaling declares it, on fixed metric values computed by hand.
 */
class PairedAgainstReportTest {

    private static final ExperimentDefinition SCALING = Experiment.define("scaling", e -> e
            .data(d -> d.size(16))
            .model(TestModelType.TYPE, m -> m.patch(2))
            .evaluate(v -> v.use("fid"))
            .sweep(s -> s.cases(ScalingRuns.size(32, 16), ScalingRuns.size(32, 4), ScalingRuns.size(128, 16),
                    ScalingRuns.size(128, 4)).seeds(0, 1, 2))
            .report(r -> r.pairedBySeedAgainst(RunMetrics.PARAMETERS, "model.blockSize", "16", TestMetrics.FID)
                    .pairedBySeedAgainst(RunMetrics.TRAIN_FLOPS, "model.blockSize", "16", TestMetrics.FID)));

    /** FID by (width, block size) and seed; width 128 at block 4 has no seed 2 (that run failed). */
    private static final Map<String, List<Double>> FID = Map.of("32/16", List.of(50.0, 60.0, 70.0),
            "32/4", List.of(55.0, 62.0, 73.0), "128/16", List.of(30.0, 40.0, 50.0), "128/4", List.of(31.0, 43.0));

    /** Equal steps reads no evaluation curve. */
    private static final ProgressCurves NO_CURVES = (run, metric) -> {
        throw new AssertionError("read the curve of " + metric + " in " + run.run());
    };

    @TempDir
    Path root;

    private List<RunRecord> runs;

    /**
     * Parameters 1,000 at width 32 and 13,000 at width 128; training FLOPs 1 and 2 TFLOP at width 32 (block 16, 4), 4
     * and 8 at width 128, except 10 for the unpaired block-16 run of seed 2 at width 128.
     */
    @BeforeEach
    void runs() {
        runs = ScalingRuns.write(SCALING, root.resolve("runs"), 10, plan -> {
            String width = plan.assignments().get("model.width");
            String blockSize = plan.assignments().get("model.blockSize");
            List<Double> fids = FID.get(width + "/" + blockSize);
            if (plan.seed() >= fids.size()) {
                return Map.of();
            }
            boolean wide = width.equals("128");
            double flops = (wide ? 4e12 : 1e12) * (blockSize.equals("4") ? 2 : 1);
            return Map.of("fid", fids.get((int) plan.seed()), RunMetrics.PARAMETERS.text(), wide ? 13_000.0 : 1_000.0,
                    RunMetrics.TRAIN_FLOPS.text(), wide && plan.seed() == 2 ? 10e12 : flops);
        });
    }

    @Test
    void theDifferencesByWidthAreTabulatedAtTheMeanQuantityOfTheirPairs() throws IOException {
        List<Path> files = write();

        assertThat(files).extracting(path -> path.getFileName().toString())
                .contains("paired-fid-vs-parameters.png", "paired-fid-vs-train.flops.png");
        String report = Files.readString(root.resolve("out/REPORT.md"));
        // width 32: differences 5, 2, 3: mean 3.333, sd 1.528, t(0.975, 2) = 4.303, half-width 4.303 × 1.528 / √3 = 3.795;
        // width 128: seeds 0 and 1 pair (1, 3): mean 2, sd 1.414, t(0.975, 1) = 12.71, half-width 12.71
        assertThat(report).contains("## Differences paired by seed at equal steps against parameters")
                .contains("| fid | model.blockSize=4 − model.blockSize=16 | model.width=32 | 1.000e+03 | 3 | 3.333 ± 3.795 "
                        + "| 0: 5.000, 1: 2.000, 2: 3.000 |")
                .contains("| fid | model.blockSize=4 − model.blockSize=16 | model.width=128 | 1.300e+04 | 2 | 2.000 ± 12.71 "
                        + "| 0: 1.000, 1: 3.000 |");
        // FLOPs: the mean of both sides of the pairs, (1 + 2) / 2 and (4 + 8) / 2 TFLOP; the unpaired run's 10 is left out
        assertThat(report).contains("## Differences paired by seed at equal steps against train.flops")
                .contains("| fid | model.blockSize=4 − model.blockSize=16 | model.width=32 | 1.500e+12 | 3 |")
                .contains("| fid | model.blockSize=4 − model.blockSize=16 | model.width=128 | 6.000e+12 | 2 |");
        assertThat(PlotText.of(root.resolve("out/paired-fid-vs-parameters.png")))
                .containsEntry(PlotFile.TITLE, "fid difference at equal steps vs parameters, paired by seed")
                .containsEntry(PlotFile.LEGEND, "model.blockSize=4 − model.blockSize=16\nmodel.blockSize=4 − "
                        + "model.blockSize=16" + PairedAgainstPlot.SEEDS_SUFFIX);
    }

    @Test
    void theQuantityAxisIsLogarithmicWhenItSpansMoreThanAFactorOfFour() {
        List<RunRecord> finished = runs.stream().filter(run -> run.status() == RunStatus.FINISHED).toList();
        List<PairedAgainstSpec> comparisons = SCALING.spec(null, List.of()).report().pairedAgainst();

        List<PairedAgainst.Point> byParameters = PairedAgainst.of(comparisons.get(0), finished, SCALING.labels(null, List.of()), NO_CURVES);
        List<PairedAgainst.Point> byFlops = PairedAgainst.of(comparisons.get(1), finished, SCALING.labels(null, List.of()), NO_CURVES);

        assertThat(byParameters).extracting(PairedAgainst.Point::quantity).containsExactly(1_000.0, 13_000.0);
        assertThat(PairedAgainstPlot.chart(ComputeBasis.EQUAL_STEPS, RunMetrics.PARAMETERS.text(), "fid", byParameters)
                .orElseThrow().getStyler().isXAxisLogarithmic()).isTrue();
        // 1.5 to 6 TFLOP is a factor of 4 exactly
        assertThat(PairedAgainstPlot.chart(ComputeBasis.EQUAL_STEPS, RunMetrics.TRAIN_FLOPS.text(), "fid", byFlops)
                .orElseThrow().getStyler()
                .isXAxisLogarithmic()).isFalse();
        assertThat(PairedAgainstPlot.chart(ComputeBasis.EQUAL_STEPS, RunMetrics.TRAIN_FLOPS.text(), "fid", List.of()))
                .isEmpty();
    }

    private List<Path> write() {
        return RegisteredReport.write(SCALING, runs, root);
    }
}
