package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.testing.RecordingTracker;
import org.acdit4j.framework.testing.TestModelType;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {

    @TempDir
    Path runs;

    private final RecordingTracker tracker = new RecordingTracker();
    private final List<String> launched = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    /** Runs each plan in this JVM (ChildJvmLauncherTest and the end-to-end test cover the child JVMs). */
    private final RunLauncher inProcess = (plan, folder, parentRunId) -> {
        launched.add(plan.name());
        RunExecutor executor = new RunExecutor(Map.of(SyntheticShapes.NAME, new SyntheticShapes()),
                Map.of("class-mean", TestModelType.FACTORY), (model, dataset, spec, seed, dir) -> new EvaluationResult(Map.of("sample.mean",
                RunExecutorTest.meanPixel(model)), Map.of(), List.of()), tracker, Map.of(), Clock.systemUTC());
        return executor.execute(plan, folder, Map.of(), parentRunId) == RunStatus.FINISHED ? 0 : 1;
    };

    private SweepResult sweep(List<String> overrides, Set<Integer> only, boolean failFast) throws InterruptedException {
        return new SweepRunner(inProcess, tracker, new PrintStream(output, true))
                .run(SweepPlanner.plan(RunExecutorTest.EXPERIMENT, null, overrides), only, 2, failFast, runs, Map.of("k", "v"),
                        (parent, result) -> parent.logArtifact(runs.resolve("none"), "report/REPORT.md"));
    }

    @Test
    void aFailedRunDoesNotStopTheOthersAndTheSummaryNamesIt() throws InterruptedException {
        SweepResult result = sweep(List.of("sweep.grid.train.lr=0.05,1e6", "sweep.seeds=0"), Set.of(), false);

        assertThat(result.failures()).containsExactly("lr1e6-seed0");
        assertThat(result.outcomes()).containsEntry("lr0.05-seed0", RunStatus.FINISHED);
        assertThat(tracker.runs.get(result.parentRunId()).status).isEqualTo(RunStatus.FAILED);
        assertThat(tracker.runs.values()).filteredOn(run -> result.parentRunId().equals(run.start.parentRunId())).hasSize(2);
        assertThat(output.toString()).contains("lr1e6-seed0: FAILED").contains("loss became");
    }

    @Test
    void theCostliestRunsStartFirstAndTheOutputSaysSo() throws InterruptedException {
        List<RunPlan> plans = SweepPlanner.plan(RunExecutorTest.EXPERIMENT, null,
                List.of("sweep.grid.train.lr=0.05", "sweep.grid.train.steps=2,4", "sweep.seeds=0"));
        TrainingCost cost = new TrainingCost(Map.of(SyntheticShapes.NAME, new SyntheticShapes()),
                Map.of(TestModelType.NAME, TestModelType.FACTORY));

        new SweepRunner(inProcess, tracker, new PrintStream(output, true), cost::of)
                .run(plans, Set.of(), 1, false, runs, Map.of(), (parent, outcome) -> { });

        assertThat(cost.of(plans.get(1))).isEqualTo(2 * cost.of(plans.get(0)));
        assertThat(launched).containsExactly("lr0.05-steps4-seed0", "lr0.05-steps2-seed0");
        assertThat(output.toString()).contains("start order, costliest training first: [1] lr0.05-steps4-seed0, [0] lr0.05-steps2-seed0");
    }

    @Test
    void failFastStartsNothingAfterAFailure() throws InterruptedException {
        SweepResult result = new SweepRunner(inProcess, tracker, new PrintStream(output, true)).run(
                SweepPlanner.plan(RunExecutorTest.EXPERIMENT, null, List.of("sweep.grid.train.lr=1e6,0.05,0.1", "sweep.seeds=0")),
                Set.of(), 1, true, runs, Map.of(), (parent, outcome) -> { });

        assertThat(launched).containsExactly("lr1e6-seed0");
        assertThat(result.succeeded()).isFalse();
        assertThat(output.toString()).contains("lr0.05-seed0: not started (--fail-fast after a failure)");
    }

    @Test
    void aRerunSkipsFinishedRunsAndReusesTheParentRun() throws InterruptedException {
        SweepResult first = sweep(List.of(), Set.of(0, 2), false);
        assertThat(launched).containsExactlyInAnyOrder("lr0.05-seed0", "lr0.05-seed1");

        launched.clear();
        SweepResult second = sweep(List.of(), Set.of(), false);

        assertThat(launched).containsExactlyInAnyOrder("lr0.2-seed0", "lr0.2-seed1");
        assertThat(second.skipped()).containsExactly("lr0.05-seed0", "lr0.05-seed1");
        assertThat(second.parentRunId()).isEqualTo(first.parentRunId());
        assertThat(tracker.runs.get(second.parentRunId()).status).isEqualTo(RunStatus.FINISHED);
        assertThat(tracker.runs.get(second.parentRunId()).artifacts).containsExactly("report/REPORT.md", "report/REPORT.md");
    }
}
