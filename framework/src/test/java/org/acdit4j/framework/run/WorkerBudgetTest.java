package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers default to one per core as far as the memory holds the runs' expected peak, and too many are warned of. */
class WorkerBudgetTest {

    @TempDir
    Path runs;

    @Test
    void workersAreOnePerCoreAsFarAsTheMemoryHoldsTheExpectedPeak() {
        assertThat(new WorkerBudget(16, OptionalLong.of(24_000_000_000L), 2_500_000_000L, true).defaultWorkers()).isEqualTo(9);
        assertThat(new WorkerBudget(2, OptionalLong.of(24_000_000_000L), 2_500_000_000L, true).defaultWorkers()).isEqualTo(2);
        assertThat(new WorkerBudget(8, OptionalLong.of(1_000_000_000L), 2_500_000_000L, true).defaultWorkers()).isEqualTo(1);
        assertThat(new WorkerBudget(4, OptionalLong.empty(), 2_500_000_000L, false).defaultWorkers()).isEqualTo(4);
    }

    @Test
    void moreWorkersThanTheMemoryHoldsAreWarnedOfWithTheNumberThatFits() {
        WorkerBudget budget = new WorkerBudget(8, OptionalLong.of(10_000_000_000L), 3_000_000_000L, false);

        assertThat(budget.warning(3)).isEmpty();
        assertThat(budget.warning(4)).contains("warning: 4 workers × 3.0 GB expected peak per run (assumed before any run "
                + "has finished) exceed the 10.0 GB of memory available; runs may fail for memory: lower --workers to 3");
    }

    @Test
    void theExpectedPeakIsTheLargestThatTheSweepsFinishedRunsMeasured() {
        RunFolder small = finished("a", 700_000_000.0);
        RunFolder wide = finished("b", 1_800_000_000.0);
        RunFolder running = RunFolder.of(runs, "exp", "c");
        running.write(record("c", RunStatus.RUNNING, Map.of(RunMetrics.PEAK_RSS_BYTES.text(), 9e9)));

        WorkerBudget budget = WorkerBudget.of(List.of(small, wide, running, RunFolder.of(runs, "exp", "never-started")));

        assertThat(budget.expectedPeak()).isEqualTo(1_800_000_000L);
        assertThat(budget.measured()).isTrue();
        assertThat(WorkerBudget.of(List.of(running)).expectedPeak()).isEqualTo(WorkerBudget.ASSUMED_PEAK_BYTES);
    }

    private RunFolder finished(String name, double peak) {
        RunFolder folder = RunFolder.of(runs, "exp", name);
        folder.write(record(name, RunStatus.FINISHED, Map.of(RunMetrics.PEAK_RSS_BYTES.text(), peak)));
        return folder;
    }

    private static RunRecord record(String name, RunStatus status, Map<String, Double> metrics) {
        return RunRecord.builder().experiment("exp").run(name).preset("").status(status).step(10).steps(10)
                .metrics(metrics).build();
    }
}
