package org.acdit4j.experiments.cli;

import static org.acdit4j.experiments.cli.InProcessCli.acdit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.acdit4j.framework.run.SweepRunner;
import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.RunSource;
import org.acdit4j.tracking.file.MlrunsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acdit runs} on a real file store written by the tracking module: a block-size-tradeoff sweep whose runs
 * log 45 metrics each (as evaluated runs do), one of them still running, and an experiment no definition knows.
 */
class RunsCommandTest {

    /** Plan order of the sweep, which is not the alphabetical one. */
    private static final List<String> PLANS = List.of("blockSize16-seed0", "blockSize4-seed0", "blockSize1-seed0");
    private static final List<String> REPORT_METRICS_LOGGED = List.of("fid/cfg1.0", "fid/cfg1.5",
            "class-agreement/cfg1.0", "class-agreement/cfg1.5", "train.imagesSeen", "train.flops");

    @TempDir
    Path work;
    private Path store;

    @BeforeEach
    void writeTheStore() {
        store = work.resolve("mlruns");
        try (MlrunsStore mlruns = new MlrunsStore(store, Clock.systemUTC(), new RunSource("alice", "test", null),
                MetricBuffering.defaults())) {
            TrackedRun sweep = mlruns.startRun(new RunStart("block-size-tradeoff", "block-size-tradeoff-sweep", null,
                    Map.of("acdit.sweep", "true"), null));
            for (int index = PLANS.size() - 1; index >= 0; index--) {
                TrackedRun run = mlruns.startRun(new RunStart("block-size-tradeoff", PLANS.get(index), sweep.runId(),
                        Map.of("acdit.run", PLANS.get(index), "acdit.index", String.valueOf(index)), null));
                run.logParams(Map.of("train.steps", "600", "model.blockSize", PLANS.get(index).replaceAll("\\D+", "")));
                boolean finished = index != 1;
                long lastStep = finished ? 600 : 200;
                for (long step = 100; step <= lastStep; step += 100) {
                    run.logMetric("train.loss", 1.0 / step, step);
                }
                if (finished) {
                    evaluated(index).forEach((key, value) -> run.logMetric(key, value, lastStep));
                    run.end(RunStatus.FINISHED);
                }
            }
            sweep.end(RunStatus.FINISHED);
            TrackedRun own = mlruns.startRun(RunStart.of("my-notebook", "try-1"));
            own.logMetric("train.loss", 0.25, 30);
            own.logMetric("val.loss", 0.5, 30);
            own.end(RunStatus.FAILED);
        }
    }

    @Test
    void aSweepThatPlannedMoreRunsThanItHasNamesTheOnesThatNeverStarted() throws Exception {
        Path partial = work.resolve("partial");
        try (MlrunsStore mlruns = new MlrunsStore(partial, Clock.systemUTC(), new RunSource("alice", "test", null),
                MetricBuffering.defaults())) {
            TrackedRun sweep = mlruns.startRun(new RunStart("block-size-tradeoff", "block-size-tradeoff-sweep", null,
                    Map.of(SweepRunner.SWEEP_TAG, "true", SweepRunner.PLANNED_RUNS_TAG, String.join("\n", PLANS)), null));
            for (int index = 0; index < 2; index++) {
                TrackedRun run = mlruns.startRun(new RunStart("block-size-tradeoff", PLANS.get(index), sweep.runId(),
                        Map.of("acdit.index", String.valueOf(index)), null));
                run.logMetric("train.loss", 0.5, 600);
                run.end(RunStatus.FINISHED);
            }
        }

        InProcessCli.Result table = acdit("runs", "--tracking-uri", partial.toString());
        InProcessCli.Result json = acdit("runs", "--tracking-uri", partial.toString(), "--json");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("sweep block-size-tradeoff-sweep  RUNNING  \\w{8}  2 runs, 2 finished of 3 "
                + "planned; 1 never started: \\[2] blockSize1-seed0\n");
        JsonNode sweep = new ObjectMapper().readTree(json.out()).path("experiments").path(0).path("sweeps").path(0);
        assertThat(sweep.path("planned").asInt()).isEqualTo(3);
        assertThat(sweep.path("missing").toString()).isEqualTo("[\"[2] blockSize1-seed0\"]");
    }

    /** 44 metrics besides train.loss: the report's, and the evaluators' bookkeeping ones. */
    private static Map<String, Double> evaluated(int index) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("fid/cfg1.0", 40.0 + index);
        metrics.put("fid/cfg1.5", 30.0 + index);
        metrics.put("class-agreement/cfg1.0", 0.1 + index / 100.0);
        metrics.put("class-agreement/cfg1.5", 0.115);
        metrics.put("train.imagesSeen", 38400.0);
        metrics.put("train.flops", 1.5e12);
        for (int extra = 0; metrics.size() < 44; extra++) {
            metrics.put("evaluator.detail" + extra, (double) extra);
        }
        return metrics;
    }

    @Test
    void theTableShowsEachSweepsRunsInPlanOrderWithStepOfStepsAndTheReportMetrics() {
        InProcessCli.Result result = acdit("runs", "--tracking-uri", store.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("MLflow file store " + store);
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("experiment block-size-tradeoff \\(id \\d+\\), 4 runs; "
                + "columns: the experiment's report metrics, 6 of the 45 metrics logged \\(--metrics a,b or --all-metrics for others\\)"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("  sweep block-size-tradeoff-sweep  FINISHED  \\w{8}  3 runs, 2 finished"));
        int header = indexOf(lines, "    run ");
        assertThat(lines.get(header).split("\\s+")).containsExactly("", "run", "status", "step", "id", "fid/cfg1.0",
                "fid/cfg1.5", "class-agreement/cfg1.0", "class-agreement/cfg1.5", "train.imagesSeen", "train.flops");
        assertThat(lines.subList(header + 1, header + 4)).satisfiesExactly(
                line -> assertThat(line.split("\\s+")).containsExactly("", "blockSize16-seed0", "FINISHED", "600/600",
                        line.split("\\s+")[4], "40.00", "30.00", "0.1000", "0.1150", "38400", "1.500e+12"),
                line -> assertThat(line.split("\\s+")).containsSubsequence("blockSize4-seed0", "RUNNING", "200/600")
                        .endsWith("-", "-", "-", "-", "-", "-"),
                line -> assertThat(line).contains("blockSize1-seed0", "FINISHED", "600/600", "42.00"));
        assertThat(result.out()).doesNotContain("evaluator.detail", "train.loss=");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("experiment my-notebook")
                .contains("columns: train.loss (no report metric of a known experiment was logged), 1 of the 2 metrics logged"));
        int own = indexOf(lines, "  runs outside a sweep");
        assertThat(lines.get(own + 1).split("\\s+")).containsExactly("", "run", "status", "step", "id", "train.loss");
        assertThat(lines.get(own + 2).split("\\s+")).containsSubsequence("try-1", "FAILED", "30").endsWith("0.2500");
        assertThat(lines).noneMatch(line -> line.startsWith("experiment Default"));
    }

    @Test
    void chosenMetricsAndAllMetricsSetTheColumns() {
        InProcessCli.Result chosen = acdit("runs", "--tracking-uri", store.toString(), "--metrics", "train.loss,fid/cfg1.5");
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        List<String> lines = chosen.out().lines().toList();
        assertThat(lines.get(indexOf(lines, "    run ")).split("\\s+"))
                .containsExactly("", "run", "status", "step", "id", "train.loss", "fid/cfg1.5");
        assertThat(lines.get(indexOf(lines, "    blockSize4-seed0")).split("\\s+")).endsWith("0.005000", "-");

        InProcessCli.Result all = acdit("runs", "--tracking-uri", store.toString(), "--all-metrics");
        assertThat(all.exitCode()).as(all.err()).isZero();
        List<String> allLines = all.out().lines().toList();
        assertThat(allLines.get(indexOf(allLines, "    run ")).split("\\s+")).hasSize(1 + 4 + 45)
                .contains("evaluator.detail0", "train.loss");
    }

    @Test
    void aMetricNoRunLoggedIsOneLineNamingItAndTheLoggedOnes() {
        InProcessCli.Result result = acdit("runs", "--tracking-uri", store.toString(), "--metrics", "fid/cfg1.5,fid/cfg9");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().toList()).singleElement().asString()
                .startsWith("acdit: --metrics: no run logged fid/cfg9; logged: class-agreement/cfg1.0, ")
                .contains("fid/cfg1.5", "val.loss");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void jsonHoldsTheSameGroupsRunsAndColumnsForScripts() throws Exception {
        InProcessCli.Result result = acdit("runs", "--tracking-uri", store.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode listing = new ObjectMapper().readTree(result.out());
        assertThat(listing.path("tracking").asText()).startsWith("MLflow file store ");
        List<String> experiments = names(listing.path("experiments"));
        assertThat(experiments).containsExactly("block-size-tradeoff", "my-notebook");
        JsonNode tradeoff = listing.path("experiments").get(0);
        assertThat(texts(tradeoff.path("metrics"))).containsExactlyElementsOf(REPORT_METRICS_LOGGED);
        assertThat(tradeoff.path("logged")).hasSize(45);
        JsonNode sweep = tradeoff.path("sweeps").get(0);
        assertThat(sweep.path("sweep").path("name").asText()).isEqualTo("block-size-tradeoff-sweep");
        assertThat(names(sweep.path("runs"))).containsExactlyElementsOf(PLANS);
        JsonNode running = sweep.path("runs").get(1);
        assertThat(running.path("status").asText()).isEqualTo("RUNNING");
        assertThat(running.path("step").asLong()).isEqualTo(200);
        assertThat(running.path("steps").asLong()).isEqualTo(600);
        assertThat(running.path("metrics").size()).isZero();
        JsonNode first = sweep.path("runs").get(0);
        assertThat(first.path("runId").asText()).hasSize(32);
        assertThat(first.path("metrics").path("fid/cfg1.5").asDouble()).isEqualTo(30.0);
        assertThat(first.path("metrics").size()).isEqualTo(REPORT_METRICS_LOGGED.size());
        JsonNode outside = listing.path("experiments").get(1).path("sweeps").get(0);
        assertThat(outside.path("sweep").isNull()).isTrue();
        assertThat(outside.path("runs").get(0).path("steps").isNull()).isTrue();
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with '" + prefix + "' in\n" + String.join("\n", lines));
    }

    private static List<String> names(JsonNode objects) {
        return StreamSupport.stream(objects.spliterator(), false).map(node -> node.path("name").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
