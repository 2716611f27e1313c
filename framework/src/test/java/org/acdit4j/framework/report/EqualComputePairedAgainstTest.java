package org.acdit4j.framework.report;

import static org.acdit4j.framework.testing.TestMetrics.FID;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.run.EvaluationProgress;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.ComputeBasis;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.framework.testing.TestModelType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gap between two block sizes at equal training compute, paired by seed within each of two widths, against
 * parameters and against the compute budget, on evaluation curves whose interpolated values are computed by hand.
 * Block 4 costs twice block 16 per step, so each pair is read at the end of the block-16 run's curve.
 */
class EqualComputePairedAgainstTest {

    private static final ExperimentDefinition SCALING = Experiment.define("scaling", e -> e
            .data(d -> d.size(16))
            .model(TestModelType.TYPE, m -> m.patch(2))
            .train(t -> t.steps(100))
            .evaluate(v -> v.use("fid"))
            .sweep(s -> s.cases(ScalingRuns.size(32, 16), ScalingRuns.size(32, 4), ScalingRuns.size(128, 16),
                    ScalingRuns.size(128, 4)).seeds(0, 1, 2))
            .report(r -> r.progress(FID)
                    .pairedBySeedAgainst(ComputeBasis.EQUAL_COMPUTE, RunMetrics.PARAMETERS, "model.blockSize", "16",
                            FID)
                    .pairedBySeedAgainst(ComputeBasis.EQUAL_COMPUTE, RunMetrics.TRAIN_FLOPS, "model.blockSize", "16",
                            FID)));

    /**
     * Per width/block/seed, the FID curve's (TFLOP, FID) points at steps 25, 50 and 75. Width 32, seed 2: block 4's
     * first evaluation (4 TFLOP) is past block 16's last (3), so that pair has no value at equal compute.
     */
    private static final Map<String, double[][]> CURVES = Map.ofEntries(
            Map.entry("32/16/0", new double[][] {{1, 90}, {2, 70}, {3, 60}}),
            Map.entry("32/16/1", new double[][] {{1, 80}, {2, 66}, {3, 58}}),
            Map.entry("32/16/2", new double[][] {{1, 80}, {2, 66}, {3, 58}}),
            Map.entry("32/4/0", new double[][] {{2, 85}, {4, 60}, {6, 50}}),
            Map.entry("32/4/1", new double[][] {{2, 75}, {4, 57}, {6, 45}}),
            Map.entry("32/4/2", new double[][] {{4, 75}, {8, 57}, {12, 45}}),
            Map.entry("128/16/0", new double[][] {{4, 50}, {8, 40}, {12, 30}}),
            Map.entry("128/16/1", new double[][] {{4, 48}, {8, 38}, {12, 32}}),
            Map.entry("128/16/2", new double[][] {{4, 48}, {8, 38}, {12, 32}}),
            Map.entry("128/4/0", new double[][] {{8, 45}, {16, 35}, {24, 25}}),
            Map.entry("128/4/1", new double[][] {{8, 44}, {16, 33}, {24, 29}}),
            Map.entry("128/4/2", new double[][] {{8, 44}, {16, 33}, {24, 29}}));

    @TempDir
    Path root;

    private List<RunRecord> runs;

    /** Parameters 1,000 at width 32 and 13,000 at width 128; the final FID is far from every curve on purpose. */
    @BeforeEach
    void runs() {
        runs = ScalingRuns.write(SCALING, root.resolve("runs"), 100, plan -> {
            double[][] curve = CURVES.get(curveKey(plan));
            return Map.of("fid", 999.0, RunMetrics.PARAMETERS.text(),
                    plan.assignments().get("model.width").equals("128") ? 13_000.0 : 1_000.0,
                    RunMetrics.TRAIN_FLOPS.text(), curve[curve.length - 1][0] * 1e12);
        });
        for (RunRecord run : runs) {
            double[][] curve = CURVES.get(curveKey(run.assignments().get("model.width"),
                    run.assignments().get("model.blockSize"), run.seed()));
            StringBuilder progress = new StringBuilder();
            for (int i = 0; i < curve.length; i++) {
                progress.append(25 * (i + 1)).append(",0.0,").append(curve[i][0] * 1e12).append(",fid,")
                        .append(curve[i][1]).append('\n');
            }
            AtomicFiles.writeString(EvaluationProgress.file(RunFolder.of(root.resolve("runs"), "scaling", run.run())),
                    progress.toString());
        }
    }

    private static String curveKey(RunPlan plan) {
        return curveKey(plan.assignments().get("model.width"), plan.assignments().get("model.blockSize"), plan.seed());
    }

    private static String curveKey(String width, String blockSize, long seed) {
        return width + "/" + blockSize + "/" + seed;
    }

    @Test
    void eachPairIsReadAtTheLargestComputeBothOfItsRunsReached() throws IOException {
        List<Path> files = RegisteredReport.write(SCALING, runs, root);

        assertThat(files).extracting(path -> path.getFileName().toString())
                .contains("paired-equal-compute-fid-vs-parameters.png", "paired-equal-compute-fid-vs-train.flops.png");
        String report = Files.readString(root.resolve("out/REPORT.md"));
        // width 32 at 3 TFLOP: block 4 interpolates 85→60 and 75→57 halfway, 72.5 and 66, against 60 and 58:
        // differences 12.5 and 8 (seed 2 unpaired); mean 10.25, sd 3.182, t(0.975, 1) = 12.71, half-width 28.59.
        // width 128 at 12 TFLOP: 45→35 and 44→33 halfway, 40 and 38.5, against 30 and 32: 10 and 6.5 and, seed 2, 6.5;
        // mean 7.667, sd 2.021, t(0.975, 2) = 4.303, half-width 5.020
        assertThat(report).contains("## Differences paired by seed at equal compute against parameters")
                .contains("| fid | model.blockSize=4 − model.blockSize=16 | model.width=32 | 1.000e+03 | 2 | 10.25 ± 28.59 "
                        + "| 0: 12.50, 1: 8.000 |")
                .contains("| fid | model.blockSize=4 − model.blockSize=16 | model.width=128 | 1.300e+04 | 3 | 7.667 ± 5.020 "
                        + "| 0: 10.00, 1: 6.500, 2: 6.500 |");
        // against compute the point sits at the budget, not at the mean of the two runs' training FLOPs (4.5 and 18)
        assertThat(report).contains("## Differences paired by seed at equal compute against train.flops")
                .contains("beside the mean of those budgets")
                .contains("| fid | model.blockSize=4 − model.blockSize=16 | model.width=32 | 3.000e+12 | 2 |")
                .contains("| fid | model.blockSize=4 − model.blockSize=16 | model.width=128 | 1.200e+13 | 3 |");
        assertThat(PlotText.of(root.resolve("out/paired-equal-compute-fid-vs-train.flops.png")))
                .containsEntry(PlotFile.TITLE, "fid difference at equal compute vs train.flops, paired by seed");
    }
}
