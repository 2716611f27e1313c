package org.acdit4j.framework.report;

import org.acdit4j.framework.testing.TestModelType;
import static org.acdit4j.framework.testing.TestMetrics.FID;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.run.EvaluationProgress;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentBuilder;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.dsl.ReportSection;
import org.acdit4j.framework.dsl.SweepSection;
import org.acdit4j.framework.spec.MetricDirection;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentReportTest {

    @TempDir
    Path root;

    private final ExperimentDefinition blockSizes = reportDefinition(s -> s.grid("model.blockSize", 1, 4).seeds(0, 1, 2),
                r -> r.plot(FID, "model.blockSize"));

    /** Evaluations every 5 steps on 200 samples while training, the final one on 1,000; fid compared over training. */
    private final ExperimentDefinition finalOnMoreSamples = fifteenStepDefinition(e -> e.evaluate(v -> v.use("fid").samples(1000))
            .track(t -> t.evaluateEvery(5).evaluateSamples(200)).report(r -> r.progress(FID)));

    private RunRecord run(int index, String blockSize, long seed, RunStatus status, Double fid) {
        return run(index, blockSize, seed, status, fid, 10);
    }

    private RunRecord run(int index, String blockSize, long seed, RunStatus status, Double fid, long steps) {
        RunRecord record = RunRecord.builder().experiment("report-test").run("blockSize" + blockSize + "-seed" + seed)
                .index(index).seed(seed).preset("").assignments(Map.of("model.blockSize", blockSize)).status(status)
                .started("t0").heartbeat("t1").ended("t2").step(steps).steps(steps).lastLoss(0.5)
                .failure(status == RunStatus.FAILED ? "loss became NaN at step 3" : null)
                .provenance(Map.of("git.commit", "abc123", "host", "box", "cores", "2"))
                .metrics(fid == null ? Map.of() : Map.of("fid", fid)).build();
        RunFolder.of(root.resolve("runs"), "report-test", record.run()).write(record);
        return record;
    }

    @Test
    void writesTheSummaryTablesWithConfidenceIntervalsAndPlots() throws Exception {
        List<RunRecord> runs = List.of(run(0, "1", 0, RunStatus.FINISHED, 10.0), run(1, "4", 0, RunStatus.FINISHED, 20.0),
                run(2, "1", 1, RunStatus.FINISHED, 12.0), run(3, "4", 1, RunStatus.FAILED, null),
                run(4, "1", 2, RunStatus.FINISHED, 14.0), run(5, "4", 2, RunStatus.FINISHED, 22.0));
        assertThat(ExperimentReport.load(root.resolve("runs"), "report-test")).isEqualTo(runs);

        List<Path> files = RegisteredReport.REPORT.write(blockSizes.spec(null, List.of()),
                blockSizes.labels(null, List.of()),
                run -> Optional.empty(), runs, root.resolve("runs"), root.resolve("out"),
                new ExperimentReport.Context("acdit run report-test", "model:\n  patch: 2\n", 75));

        assertThat(files).extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrder("summary.csv", "fid-vs-model.blockSize.png", "REPORT.md");
        assertThat(Files.readAllLines(root.resolve("out/summary.csv"))).containsExactly(
                "run,index,seed,status,label,model.blockSize,fid",
                "blockSize1-seed0,0,0,FINISHED,model.blockSize=1,1,10.0", "blockSize4-seed0,1,0,FINISHED,model.blockSize=4,4,20.0",
                "blockSize1-seed1,2,1,FINISHED,model.blockSize=1,1,12.0", "blockSize4-seed1,3,1,FAILED,model.blockSize=4,4,",
                "blockSize1-seed2,4,2,FINISHED,model.blockSize=1,1,14.0", "blockSize4-seed2,5,2,FINISHED,model.blockSize=4,4,22.0");
        String report = Files.readString(root.resolve("out/REPORT.md"));
        // mean 12, sd 2, n 3: t(0.975, 2) = 4.303, half-width 4.303 * 2 / sqrt(3) = 4.968
        assertThat(report).contains("| model.blockSize=1 | 3 | 12.00 ± 4.968 | 10.00 | 14.00 |")
                .contains("| model.blockSize=4 | 2 | 21.00 ± 12.71 | 20.00 | 22.00 |")
                .contains("| blockSize4-seed1 | model.blockSize=4 | FAILED | loss became NaN at step 3 |")
                .contains("| commit | abc123 |").contains("| wall time | 1m15s (this invocation) |")
                .contains("![fid-vs-model.blockSize.png](fid-vs-model.blockSize.png)");
        assertThat(Files.size(root.resolve("out/fid-vs-model.blockSize.png"))).isGreaterThan(1000);
    }

    @Test
    void progressMetricsArePlottedAgainstComputeAndComparedAtEqualCompute() throws Exception {
        ExperimentDefinition withProgress = reportDefinition(s -> s.grid("model.blockSize", 1, 4).seeds(0),
                r -> r.progress(FID));
        List<RunRecord> runs = oneSeedRuns();
        writeProgress("blockSize1-seed0", "5,320.0,4.0E12,fid,30.0\n10,640.0,8.0E12,fid,10.0\n");
        writeProgress("blockSize4-seed0", "5,320.0,2.0E12,fid,40.0\n10,640.0,4.0E12,fid,20.0\n");

        List<Path> files = write(withProgress, runs, "out");

        assertThat(files).extracting(path -> path.getFileName().toString()).contains("progress-fid.png");
        assertThat(Files.readString(root.resolve("out/REPORT.md")))
                .contains("## Metrics at equal training steps\n\nAfter 1000 steps")
                .contains("### fid at 4.00 TFLOP of training")
                .contains("| model.blockSize=1 | 1 | 30.00 |").contains("| model.blockSize=4 | 1 | 20.00 |");
    }

    @Test
    void finalEvaluationsOnMoreSamplesStayOutOfTheEqualComputeComparison() throws Exception {
        List<RunRecord> runs = oneSeedRuns(15, 15);
        writeProgress("blockSize1-seed0", "5,320.0,1.0E12,fid,50.0\n10,640.0,2.0E12,fid,30.0\n15,960.0,3.0E12,fid,5.0\n");
        writeProgress("blockSize4-seed0", "5,320.0,2.0E12,fid,40.0\n10,640.0,4.0E12,fid,20.0\n15,960.0,6.0E12,fid,4.0\n");

        write(finalOnMoreSamples, runs, "out");

        assertThat(Files.readString(root.resolve("out/REPORT.md")))
                .contains("### fid at 2.00 TFLOP of training")
                .contains("| model.blockSize=1 | 1 | 30.00 |").contains("| model.blockSize=4 | 1 | 40.00 |");
    }

    @Test
    void runsOfDifferentLengthsKeepTheirEvaluationsWhileTrainingUpToTheirOwnLastStep() throws Exception {
        List<RunRecord> runs = oneSeedRuns(30, 15);
        writeProgress("blockSize1-seed0", "5,320.0,1.0E12,fid,60.0\n10,640.0,2.0E12,fid,50.0\n15,960.0,3.0E12,fid,40.0\n"
                + "20,1280.0,4.0E12,fid,30.0\n25,1600.0,5.0E12,fid,25.0\n30,1920.0,6.0E12,fid,2.0\n");
        writeProgress("blockSize4-seed0", "5,320.0,2.0E12,fid,45.0\n10,640.0,4.0E12,fid,35.0\n15,960.0,6.0E12,fid,3.0\n");

        write(finalOnMoreSamples, runs, "out");

        // the 30-step run's evaluations at steps 15 to 25 count; only each run's final evaluation (1,000 samples) is left out
        assertThat(Files.readString(root.resolve("out/REPORT.md")))
                .contains("| training | 15 to 30 steps, set by configuration |")
                .contains("## Metrics at equal training steps\n\nAfter each configuration's own steps (15 to 30).")
                .contains("### fid at 4.00 TFLOP of training")
                .contains("| model.blockSize=1 | 1 | 30.00 |").contains("| model.blockSize=4 | 1 | 35.00 |");
    }

    @Test
    void equalComputeWithinASweptKeyComparesEachOfItsValuesAtItsOwnBudget() throws Exception {
        ExperimentDefinition grouped = fifteenStepDefinition(e -> e
                .report(r -> r.progress(FID).equalComputeWithin("model.blockSize")));
        List<RunRecord> runs = oneSeedRuns();
        writeProgress("blockSize1-seed0", "5,320.0,1.0E12,fid,50.0\n10,640.0,2.0E12,fid,30.0\n");
        writeProgress("blockSize4-seed0", "5,320.0,2.0E12,fid,40.0\n10,640.0,4.0E12,fid,20.0\n");

        write(grouped, runs, "out");

        assertThat(Files.readString(root.resolve("out/REPORT.md")))
                .contains("### fid within model.blockSize=1 at 2.00 TFLOP of training")
                .contains("### fid within model.blockSize=4 at 4.00 TFLOP of training")
                .contains("| model.blockSize=1 | 1 | 30.00 |").contains("| model.blockSize=4 | 1 | 20.00 |");
        ExperimentDefinition unswept = fifteenStepDefinition(e -> e
                .report(r -> r.progress(FID).equalComputeWithin("model.patch")));
        write(unswept, runs, "out2");
        assertThat(Files.readString(root.resolve("out2/REPORT.md"))).contains("### fid at 2.00 TFLOP of training")
                .doesNotContain("within");
    }

    @Test
    void pairedBySeedTabulatesEachSeedsDifferenceFromTheBaselineValue() throws Exception {
        ExperimentDefinition pairedSpec = reportDefinition(s -> s.grid("model.blockSize", 1, 4).seeds(0, 1, 2),
                r -> r.pairedBySeed("model.blockSize", "1", FID));
        List<RunRecord> runs = List.of(run(0, "1", 0, RunStatus.FINISHED, 10.0), run(1, "4", 0, RunStatus.FINISHED, 13.0),
                run(2, "1", 1, RunStatus.FINISHED, 20.0), run(3, "4", 1, RunStatus.FINISHED, 22.0),
                run(4, "1", 2, RunStatus.FINISHED, 30.0), run(5, "4", 2, RunStatus.FAILED, null));

        write(pairedSpec, runs, "out");

        // seeds 0 and 1 pair (differences 3 and 2; seed 2's second run failed): mean 2.5, sd 0.7071, n 2,
        // t(0.975, 1) = 12.71, half-width 12.71 * 0.7071 / sqrt(2) = 6.353; unpaired, the seeds' spread (10 to 30)
        // would hide the difference entirely
        assertThat(Files.readString(root.resolve("out/REPORT.md"))).contains("## Differences paired by seed")
                .contains("| fid | model.blockSize=4 − model.blockSize=1 | 2 | 2.500 ± 6.353 | 0: 3.000, 1: 2.000 |");
    }

    @Test
    void aParameterWithNamedValuesIsPlottedAsBars() throws Exception {
        ExperimentDefinition named = reportDefinition(s -> s.grid("model.rope", "multi-axis", "none").seeds(0),
                r -> r.plot(FID, "model.rope"));
        List<RunRecord> runs = List.of(named(0, "multi-axis", 10.0), named(1, "none", 40.0));

        List<Path> files = write(named, runs, "out");

        assertThat(files).extracting(path -> path.getFileName().toString()).contains("fid-vs-model.rope.png");
        assertThat(Files.size(root.resolve("out/fid-vs-model.rope.png"))).isGreaterThan(1000);
        assertThat(Files.readString(root.resolve("out/REPORT.md"))).contains("![fid-vs-model.rope.png]");
    }

    @Test
    void theReportOpensWithTheFindingAndEveryConfigurationsLabelledSamplesSideBySide() throws Exception {
        ExperimentDefinition headlined = reportDefinition(s -> s.grid("model.blockSize", 1, 4).seeds(0, 1),
                r -> r.headline(FID, MetricDirection.LOWER_IS_BETTER));
        List<RunRecord> runs = List.of(run(0, "1", 0, RunStatus.FINISHED, 10.0), run(1, "4", 0, RunStatus.FINISHED, 20.0),
                run(2, "1", 1, RunStatus.FINISHED, 12.0), run(3, "4", 1, RunStatus.FINISHED, 22.0));
        Geometry digits = Geometry.image(1, 16, 16, 10);
        for (RunRecord run : runs) {
            ImageGrid.writePng(new ImageBatch(digits, new float[RunSampleGrid.EXAMPLES * digits.valuesPerExample()],
                            RunSampleGrid.labels(10)), 10, RunSampleGrid.SCALE,
                    RunFolder.of(root.resolve("runs"), "report-test", run.run()).samples().resolve("final.png"));
        }

        List<Path> files = RegisteredReport.REPORT.write(headlined.spec(null, List.of()),
                headlined.labels(null, List.of()), run -> Optional.of(digits), runs, root.resolve("runs"),
                root.resolve("out"), new ExperimentReport.Context("acdit run report-test", "", 1));

        assertThat(files).contains(root.resolve("out/samples/configurations.png"));
        assertThat(Files.readString(root.resolve("out/REPORT.md"))).startsWith("# report-test\n\n**Finding** (fid, lower "
                + "is better; 2 seeds): at equal training steps (10), **model.blockSize=1** is best with 11.00 ± 12.71, "
                + "ahead of model.blockSize=4 (21.00 ± 12.71), whose 95% interval overlaps. There is no comparison at equal "
                + "training compute: fid is not followed over training (report.progress).\n\nSamples of each configuration "
                + "(its first seed; one row per class, the spec's solver and guidance, EMA weights, final step):\n\n"
                + "![samples of each configuration](samples/configurations.png)\n\n| | |");
        BufferedImage sideBySide = ImageIO.read(root.resolve("out/samples/configurations.png").toFile());
        BufferedImage one = ImageIO.read(root.resolve("out/samples/blockSize1-seed0.png").toFile());
        int panel = SampleSheet.MIN_PANEL_WIDTH + SampleSheet.PADDING;     // two 66-pixel cells are narrower than that
        assertThat(sideBySide.getWidth()).isEqualTo(one.getWidth() + panel);
        assertThat(sideBySide.getHeight()).isEqualTo(one.getHeight()).isGreaterThan(10 * (16 * 4 + SampleSheet.GAP));
    }

    private RunRecord named(int index, String rope, double fid) {
        RunRecord record = RunRecord.builder().experiment("report-test").run("rope" + rope + "-seed0").index(index)
                .preset("").assignments(Map.of("model.rope", rope)).status(RunStatus.FINISHED).started("t0")
                .heartbeat("t1").ended("t2").step(10).steps(10).lastLoss(0.5).metrics(Map.of("fid", fid)).build();
        RunFolder.of(root.resolve("runs"), "report-test", record.run()).write(record);
        return record;
    }

    @Test
    void theHeaderStatesHowLongTheRunsTookFromTheirRecords() {
        RunRecord first = RunRecord.builder().experiment("report-test").run("a").preset("").status(RunStatus.FINISHED)
                .started("2026-11-26T10:00:00Z").ended("2026-11-26T10:20:00Z").step(10).steps(10).build();
        RunRecord second = RunRecord.builder().experiment("report-test").run("b").index(1).preset("")
                .status(RunStatus.FINISHED).started("2026-11-26T10:05:00Z").ended("2026-11-26T10:35:30Z").step(10)
                .steps(10).build();
        RunRecord unfinished = RunRecord.builder().experiment("report-test").run("c").index(2).preset("")
                .status(RunStatus.RUNNING).started("2026-11-26T09:00:00Z").step(5).steps(10).build();

        assertThat(ReportMarkdown.runTimes(List.of(first, second, unfinished))).contains("35m30s from the first run's "
                + "start to the last run's end (2026-11-26T10:00:00Z to 2026-11-26T10:35:30Z); 50m30s of run time in all");
        assertThat(ReportMarkdown.runTimes(List.of(unfinished))).isEmpty();
    }

    @Test
    void theHeaderStatesTheRunsPeakMemoryFromTheirRecords() {
        RunRecord small = finishedWithMemory("a",
                Map.of(RunMetrics.PEAK_RSS_BYTES.text(), 0.68e9, RunMetrics.PEAK_HEAP_BYTES.text(), 0.1e9));
        RunRecord wide = finishedWithMemory("b",
                Map.of(RunMetrics.PEAK_RSS_BYTES.text(), 1.74e9, RunMetrics.PEAK_HEAP_BYTES.text(), 0.2e9));
        RunRecord older = finishedWithMemory("c", Map.of());

        assertThat(ReportMarkdown.peakMemory(List.of(small, wide, older))).contains("peak resident set 0.68–1.74 GB per "
                + "run, Java heap at most 0.20 GB (2 of 3 finished runs measured)");
        assertThat(ReportMarkdown.peakMemory(List.of(older))).isEmpty();
    }

    private static RunRecord finishedWithMemory(String name, Map<String, Double> metrics) {
        return RunRecord.builder().experiment("report-test").run(name).preset("").status(RunStatus.FINISHED).step(10)
                .steps(10).metrics(metrics).build();
    }

    private List<Path> write(ExperimentDefinition experiment, List<RunRecord> runs, String outputDir) {
        return RegisteredReport.REPORT.write(experiment.spec(null, List.of()), experiment.labels(null, List.of()),
                run -> Optional.empty(), runs, root.resolve("runs"), root.resolve(outputDir),
                new ExperimentReport.Context("acdit run report-test", "", 1));
    }

    /** 16×16 images at patch 2 with the given sweep and report sections (the rest default). */
    private static ExperimentDefinition reportDefinition(Customizer<SweepSection> sweep, Customizer<ReportSection> report) {
        return Experiment.define("report-test", e -> e.data(d -> d.size(16)).model(TestModelType.TYPE, m -> m.patch(2)).sweep(sweep)
                .report(report));
    }

    /** Writes a run's evaluations while training ({@code step,images,flops,metric,value} rows). */
    private void writeProgress(String run, String rows) throws IOException {
        Files.writeString(EvaluationProgress.file(RunFolder.of(root.resolve("runs"), "report-test", run)), rows);
    }

    /** Block sizes 1 and 4, seed 0, trained 15 steps, then {@code rest} (evaluation, tracking, report). */
    private static ExperimentDefinition fifteenStepDefinition(Customizer<ExperimentBuilder> rest) {
        return Experiment.define("report-test", e -> {
            e.data(d -> d.size(16)).model(TestModelType.TYPE, m -> m.patch(2)).train(t -> t.steps(15).warmupSteps(0))
                    .sweep(s -> s.grid("model.blockSize", 1, 4).seeds(0));
            rest.customize(e);
        });
    }

    /** Finished runs of block sizes 1 and 4 at seed 0, with FIDs 10 and 20, after 10 steps each. */
    private List<RunRecord> oneSeedRuns() {
        return oneSeedRuns(10, 10);
    }

    /** {@link #oneSeedRuns()} after {@code stepsOfBlockSize1} and {@code stepsOfBlockSize4} steps. */
    private List<RunRecord> oneSeedRuns(long stepsOfBlockSize1, long stepsOfBlockSize4) {
        return List.of(run(0, "1", 0, RunStatus.FINISHED, 10.0, stepsOfBlockSize1),
                run(1, "4", 0, RunStatus.FINISHED, 20.0, stepsOfBlockSize4));
    }
}
