package org.acdit4j.framework.report;

import static org.acdit4j.framework.testing.TestMetrics.FID;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.EvaluationProgress;
import org.acdit4j.framework.run.LossCurve;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.testing.TestModelType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports name configurations by their labels: named cases crossed with a grid the test plugin describes
 * ({@code model.rope=none} is {@code no positions}), in tables, paired differences, plot legends and axes; the CSV keeps
 * the keys and adds the label.
 */
class ConfigurationLabelsReportTest {

    private static final ExperimentDefinition LABELLED = Experiment.define("labelled", e -> e
            .data(d -> d.size(16))
            .model(TestModelType.TYPE, m -> m.patch(2))
            .sweep(s -> s.cases(c -> c.named("small blocks").model(TestModelType.TYPE, m -> m.blockSize(1)),
                            c -> c.named("large blocks").model(TestModelType.TYPE, m -> m.blockSize(16)))
                    .grid("model.rope", "multi-axis", "none").seeds(0, 1))
            .report(r -> r.plot(FID, "model.rope").plot(FID, "model.blockSize").progress(FID)
                    .pairedBySeed("model.rope", "multi-axis", FID)));

    @TempDir
    Path root;

    private List<RunPlan> plans;
    private List<RunRecord> runs;

    /** One finished run per plan; FID = block size + 10 for no positions + seed, and its evaluations while training. */
    @BeforeEach
    void finishedRuns() throws IOException {
        plans = SweepPlanner.plan(LABELLED, null, List.of());
        runs = ScalingRuns.write(LABELLED, root.resolve("runs"), 10, plan -> Map.of("fid", fid(plan)));
        for (RunPlan plan : plans) {
            RunFolder folder = RunFolder.of(root.resolve("runs"), "labelled", plan.name());
            Files.writeString(LossCurve.file(folder), "5,0.8\n10,0.4\n");
            Files.createDirectories(folder.samples());
            Files.writeString(folder.samples().resolve("final.png"), "grid of " + plan.name());
            Files.writeString(EvaluationProgress.file(folder), "5,320.0,1.0E12,fid," + (fid(plan) + 5)
                    + "\n10,640.0,2.0E12,fid," + fid(plan) + "\n");
        }
    }

    /** Block size + 10 for no positions + seed. */
    private static double fid(RunPlan plan) {
        return Integer.parseInt(plan.assignments().get("model.blockSize"))
                + (plan.assignments().get("model.rope").equals("none") ? 10 : 0) + plan.seed();
    }

    @Test
    void plansCarryTheCaseNameThenThePluginsDescriptionOfTheGrid() {
        assertThat(plans).extracting(RunPlan::label).containsExactly(
                "small blocks, multi-axis positions", "small blocks, no positions",
                "large blocks, multi-axis positions", "large blocks, no positions",
                "small blocks, multi-axis positions", "small blocks, no positions",
                "large blocks, multi-axis positions", "large blocks, no positions");
        assertThat(plans).extracting(RunPlan::name).startsWith("blockSize1-ropemulti_axis-seed0", "blockSize1-ropenone-seed0");
    }

    @Test
    void tablesAndPairedDifferencesNameTheConfigurationsAndTheCsvKeepsTheKeys() throws IOException {
        write();

        String report = Files.readString(root.resolve("out/REPORT.md"));
        // no positions at block 1: 11 and 12 → mean 11.5, sd 0.7071, t(0.975, 1) = 12.71: ± 6.353
        assertThat(report).contains("| small blocks, no positions | 2 | 11.50 ± 6.353 | 11.00 | 12.00 |")
                .contains("| large blocks, multi-axis positions | 2 | 16.50 ± 6.353 | 16.00 | 17.00 |")
                .contains("| fid | small blocks, no positions − small blocks, multi-axis positions | 2 | 10.00")
                .contains("| fid | large blocks, no positions − large blocks, multi-axis positions | 2 | 10.00")
                .contains("### fid at 2.00 TFLOP of training")
                .contains("**large blocks, no positions, seed 1**\n\n![samples/blockSize16-ropenone-seed1.png]")
                .contains("## What the labels stand for")
                .contains("| large blocks, no positions | `model.blockSize=16` `model.rope=none` |")
                .doesNotContain("| model.blockSize=");
        assertThat(Files.readAllLines(root.resolve("out/summary.csv"))).startsWith(
                "run,index,seed,status,label,model.blockSize,model.rope,fid",
                "blockSize1-ropemulti_axis-seed0,0,0,FINISHED,\"small blocks, multi-axis positions\",1,multi-axis,1.0",
                "blockSize1-ropenone-seed0,1,0,FINISHED,\"small blocks, no positions\",1,none,11.0");
    }

    @Test
    void plotLegendsAndCategoriesAreLabels() throws IOException {
        write();
        Path out = root.resolve("out");

        // bars per RoPE value, one series per case: the value's label on the axis, the case's name in the legend
        assertThat(PlotText.of(out.resolve("fid-vs-model.rope.png")))
                .containsEntry(PlotFile.LEGEND, "small blocks\nlarge blocks")
                .containsEntry(PlotFile.CATEGORIES, "multi-axis positions\nno positions");
        // block size on the x axis: the other swept key, RoPE, names the series
        assertThat(PlotText.of(out.resolve("fid-vs-model.blockSize.png")))
                .containsEntry(PlotFile.TITLE, "fid vs model.blockSize")
                .containsEntry(PlotFile.LEGEND, "multi-axis positions\nno positions");
        assertThat(PlotText.of(out.resolve("progress-fid.png"))).containsEntry(PlotFile.LEGEND,
                "small blocks, multi-axis positions\nsmall blocks, no positions\nlarge blocks, multi-axis positions\n"
                        + "large blocks, no positions");
        assertThat(PlotText.of(out.resolve("loss-curves.png")).get(PlotFile.LEGEND).lines())
                .hasSize(8).startsWith("small blocks, multi-axis positions, seed 0").contains("large blocks, no positions, seed 1");
    }

    @Test
    void anAssignmentTheDefinitionNoLongerAcceptsIsLabelledByItsKeys() {
        ConfigurationLabels labels = LABELLED.labels(null, List.of());

        assertThat(labels.of(Map.of("model.blockSize", "3", "model.rope", "2d")))
                .isEqualTo("model.blockSize=3, model.rope=2d");
        assertThat(labels.of(Map.of("model.blockSize", "16", "model.rope", "none"), List.of("model.blockSize")))
                .isEqualTo("large blocks");
    }

    private List<Path> write() {
        return RegisteredReport.write(LABELLED, runs, root);
    }
}
