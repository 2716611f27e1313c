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
import org.acdit4j.framework.run.EvaluationProgress;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.testing.CodeModelType;
import org.acdit4j.framework.testing.TestModelType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep like the block-size trade-off's, with a case of another model plugin ({@link CodeModelType}: no block size,
 * its own words for the patch) beside three of the test plugin: the plot by configuration and the equal-compute
 * comparison within a patch size show it with the others.
 */
class AnotherPluginCaseReportTest {

    private static final ExperimentDefinition MIXED = Experiment.define("mixed", e -> e
            .data(d -> d.size(16))
            .model(TestModelType.TYPE, m -> m.patch(2))
            .evaluate(v -> v.use("fid"))
            .sweep(s -> s.cases(c -> c.named("one block, patch 2").model(TestModelType.TYPE, m -> m.patch(2).blockSize(64)),
                            c -> c.named("blocks of 4, patch 2").model(TestModelType.TYPE, m -> m.patch(2).blockSize(4)),
                            c -> c.named("blocks of 4, patch 4").model(TestModelType.TYPE, m -> m.patch(4).blockSize(4)),
                            c -> c.named("codes, patch 2").model(CodeModelType.TYPE, m -> m.patch(2)))
                    .seeds(0, 1))
            .report(r -> r.plot(FID, "model.blockSize").byConfiguration(FID).progress(FID)
                    .equalComputeWithin("model.patch")));

    @TempDir
    Path root;

    private List<RunPlan> plans;
    private List<RunRecord> runs;

    /**
     * A run per plan, FID = 10 × (case position + 1) + seed; seed 0 of the second case failed, so the finished runs
     * meet its configuration last. Evaluations while training at 1 and 2 TFLOP (patch 4: 2 and 4), FID + 5 then FID.
     */
    @BeforeEach
    void runs() throws IOException {
        plans = SweepPlanner.plan(MIXED, null, List.of());
        runs = ScalingRuns.write(MIXED, root.resolve("runs"), 10,
                plan -> plan.index() % 4 == 1 && plan.seed() == 0 ? Map.of() : Map.of("fid", fid(plan)));
        for (RunPlan plan : plans) {
            double flops = plan.index() % 4 == 2 ? 2e12 : 1e12;
            Files.writeString(EvaluationProgress.file(RunFolder.of(root.resolve("runs"), "mixed", plan.name())),
                    "5,320.0," + flops + ",fid," + (fid(plan) + 5) + "\n10,640.0," + 2 * flops + ",fid," + fid(plan)
                            + "\n");
        }
    }

    /** 10 × (case position + 1) + seed. */
    private static double fid(RunPlan plan) {
        return 10 * (plan.index() % 4 + 1) + plan.seed();
    }

    @Test
    void theOtherPluginsCaseIsPlannedWithThePatchButNoBlockSize() {
        assertThat(plans.get(3).assignments()).containsEntry("model.name", CodeModelType.NAME)
                .containsEntry("model.patch", "2").doesNotContainKey("model.blockSize");
        assertThat(plans).extracting(RunPlan::name).startsWith("patch2-blockSize64-seed0", "patch2-blockSize4-seed0",
                "patch4-blockSize4-seed0", "code-ar-patch2-seed0");
    }

    @Test
    void thePlotByConfigurationHasAPointForEveryCaseInDefinitionOrder() throws IOException {
        List<Path> files = write();

        Path png = root.resolve("out/by-configuration-fid.png");
        assertThat(files).contains(png);
        assertThat(PlotText.of(png)).containsEntry(PlotFile.TITLE, "fid by configuration")
                .containsEntry(PlotFile.CATEGORIES, "one block, patch 2\nblocks of 4, patch 2\nblocks of 4, patch 4\n"
                        + "codes, patch 2")
                .containsEntry(PlotFile.LEGEND, ConfigurationPlot.MEAN_SERIES + "\nseed 0\nseed 1");
        // the plot against block size has no x for the other plugin's case: it leaves it out
        assertThat(PlotText.of(root.resolve("out/fid-vs-model.blockSize.png")).get(PlotFile.LEGEND))
                .doesNotContain("codes");
        assertThat(Files.readString(root.resolve("out/REPORT.md"))).contains("![by-configuration-fid.png]")
                .contains("| codes, patch 2 | 2 | 40.50 ± 6.353 | 40.00 | 41.00 |");
    }

    @Test
    void theOtherPluginsCaseIsComparedAtEqualComputeWithItsPatchSize() throws IOException {
        write();

        String report = Files.readString(root.resolve("out/REPORT.md"));
        // patch 2 reaches 2 TFLOP in every run (its final FIDs), patch 4 reaches 4 TFLOP alone
        assertThat(report).contains("### fid within model.patch=2 at 2.00 TFLOP of training\n\n"
                        + "| configuration | n | mean ± 95% CI |\n|---|---|---|\n"
                        + "| one block, patch 2 | 2 | 10.50 ± 6.353 |\n| codes, patch 2 | 2 | 40.50 ± 6.353 |\n"
                        + "| blocks of 4, patch 2 | 1 | 21.00 |\n")
                .contains("### fid within model.patch=4 at 4.00 TFLOP of training")
                .doesNotContain("within 256 codes");
        assertThat(PlotText.of(root.resolve("out/progress-fid.png")).get(PlotFile.LEGEND).lines())
                .contains("codes, patch 2");
    }

    private List<Path> write() {
        return RegisteredReport.write(MIXED, runs, root);
    }
}
