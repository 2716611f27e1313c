package org.acdit4j.experiments.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.report.ExperimentReport;
import org.acdit4j.framework.report.ReportElementsModule;
import org.acdit4j.framework.run.EvaluationProgress;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of the block-size trade-off and of model scaling, built from run folders of their standard plans with
 * made-up metrics: the token-AR arm beside the ACDiT arms, and the gap between AR lengths against model size.
 */
class ReportDeclarationsTest {

    private static final ExperimentReport REPORT =
            Guice.createInjector(new ReportElementsModule()).getInstance(ExperimentReport.class);

    @TempDir
    Path root;

    @Test
    void theTradeoffShowsTheTokenArArmByConfigurationAndAtEqualComputeWithPatch4() throws IOException {
        ExperimentDefinition tradeoff = BlockSizeTradeoff.DEFINITION;
        Map<String, Double> metrics = Map.of("fid/cfg1.5", 100.0, "class-agreement/cfg1.5", 0.5,
                "sampling-speed.secondsPerImage.kvCache", 0.02);
        List<Path> files = report(tradeoff, plan -> metrics);

        assertThat(files).extracting(path -> path.getFileName().toString()).contains("by-configuration-fid_cfg1.5.png",
                "by-configuration-class_agreement_cfg1.5.png",
                "by-configuration-sampling_speed.secondsPerImage.kvCache.png");
        String report = Files.readString(root.resolve("out/REPORT.md"));
        String patch4 = report.substring(report.indexOf("### fid/cfg1.5 within patch 4 (16 tokens)"));
        assertThat(patch4.substring(0, patch4.indexOf("\n\n###"))).contains("| DiT (AR length 1), patch 4 | 3 |")
                .contains("| discrete-token AR, patch 4 | 3 |").doesNotContain("patch 8");
        assertThat(report).doesNotContain("within model.patch=4");
    }

    @Test
    void modelScalingTabulatesTheGapAgainstParametersAndTrainingFlops() throws IOException {
        ExperimentDefinition scaling = ModelScaling.DEFINITION;
        // parameters grow with the width; the DiT's FID is 100, AR length 4's 100 + 32 / width + seed
        List<Path> files = report(scaling, plan -> {
            int width = Integer.parseInt(plan.assignments().get("model.width"));
            boolean ar = plan.assignments().get("model.blockSize").equals("4");
            return Map.of("fid/cfg1.5", 100.0 + (ar ? 32.0 / width + plan.seed() : 0), "class-agreement/cfg1.5", 0.5,
                    RunMetrics.PARAMETERS.text(), width * 1000.0,
                    RunMetrics.TRAIN_FLOPS.text(), width * (ar ? 2e10 : 1e10));
        });

        assertThat(files).extracting(path -> path.getFileName().toString()).contains("paired-fid_cfg1.5-vs-parameters.png",
                "paired-fid_cfg1.5-vs-train.flops.png", "paired-class_agreement_cfg1.5-vs-parameters.png",
                "paired-class_agreement_cfg1.5-vs-train.flops.png");
        String report = Files.readString(root.resolve("out/REPORT.md"));
        // width 32: differences 1, 2, 3 (mean 2, sd 1, t(0.975, 2) = 4.303: ± 2.484); width 128: 0.25, 1.25, 2.25;
        // parameters 1000 × width; FLOPs (1 + 2) / 2 × 1e10 × width
        String gap = "| fid/cfg1.5 | AR length 4 (block 4) − DiT (AR length 1) | ";
        assertThat(report).contains("## Differences paired by seed at equal steps against parameters")
                .contains(gap + "width 32 (2 heads) | 3.200e+04 | 3 | 2.000 ± 2.484 | 0: 1.000, 1: 2.000, 2: 3.000 |")
                .contains(gap + "width 128 (8 heads) | 1.280e+05 | 3 | 1.250 ± 2.484 | 0: 0.2500, 1: 1.250, 2: 2.250 |")
                .contains("## Differences paired by seed at equal steps against train.flops")
                .contains(gap + "width 64 (4 heads) | 9.600e+11 | 3 | 1.500 ± 2.484 |");
        // every run's FID curve is the same (150 at 1 TFLOP, 120 at 2): at equal compute each gap is 0, read at
        // 2 TFLOP; class agreement has no curve, so it has no equal-compute plot
        assertThat(files).extracting(path -> path.getFileName().toString())
                .contains("paired-equal-compute-fid_cfg1.5-vs-parameters.png",
                        "paired-equal-compute-fid_cfg1.5-vs-train.flops.png")
                .doesNotContain("paired-equal-compute-class_agreement_cfg1.5-vs-parameters.png");
        assertThat(report).contains("## Differences paired by seed at equal compute against train.flops")
                .contains(gap + "width 32 (2 heads) | 2.000e+12 | 3 | 0.0 ± 0.0 | 0: 0.0, 1: 0.0, 2: 0.0 |");
    }

    /** Writes the report of finished runs of every standard plan of {@code definition} with the given final metrics. */
    private List<Path> report(ExperimentDefinition definition, Function<RunPlan, Map<String, Double>> metrics)
            throws IOException {
        List<RunPlan> plans = SweepPlanner.plan(definition, null, List.of());
        Map<String, RunRecord> runs = new LinkedHashMap<>();
        for (RunPlan plan : plans) {
            RunRecord record = RunRecord.builder().experiment(definition.name()).run(plan.name()).index(plan.index())
                    .seed(plan.seed()).preset("").assignments(plan.assignments()).status(RunStatus.FINISHED)
                    .started("t0").heartbeat("t1").ended("t2").step(3000).steps(3000).lastLoss(0.5)
                    .metrics(metrics.apply(plan)).build();
            RunFolder folder = RunFolder.of(root.resolve("runs"), definition.name(), plan.name());
            folder.write(record);
            Files.writeString(EvaluationProgress.file(folder), "500,32000.0,1.0E12,fid/cfg1.5,150.0\n"
                    + "1000,64000.0,2.0E12,fid/cfg1.5,120.0\n");
            runs.put(plan.name(), record);
        }
        return REPORT.write(definition.spec(null, List.of()), definition.labels(null, List.of()), run -> Optional.empty(),
                List.copyOf(runs.values()), root.resolve("runs"), root.resolve("out"),
                new ExperimentReport.Context("acdit run " + definition.name(), "", 1));
    }
}
