package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;

class SweepProgressTest {

    private final RunPlan plan = new RunPlan(0, "rope1d-seed0", "1-D RoPE", Map.of(), 0, null, Map.of(), "", List.of());
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    /** Lines are rendered from the records given here; the runs folder is read only while watching a sweep. */
    private final SweepProgress progress = new SweepProgress(Path.of("runs"), "rope-ablation", List.of(plan),
            new PrintStream(output, true));

    private static RunRecord at(int step, Map<String, Double> metrics) {
        return RunRecord.builder().experiment("rope-ablation").run("rope1d-seed0").preset("standard")
                .status(RunStatus.RUNNING).started("t0").heartbeat("t1").ended("t2").step(step).steps(3000)
                .lastLoss(0.0339).metrics(metrics).build();
    }

    @Test
    void theEtaExtrapolatesTheStepsMadeSinceTheRunWasFirstSeen() throws InterruptedException {
        progress.started(plan);

        assertThat(progress.line(plan, at(1500, Map.of()))).isEqualTo("  rope1d-seed0: step 1500/3000 loss 0.0339 ETA ?");
        Thread.sleep(200);
        String later = progress.line(plan, at(2000, Map.of()));

        // 500 steps in ≥ 0.2 s: the 1,000 left take ≥ 0.4 s; a resumed run's first 1,500 steps do not count
        assertThat(later).startsWith("  rope1d-seed0: step 2000/3000 loss 0.0339 ETA ").doesNotContain("?");
    }

    @Test
    void aRunWhoseTrainingIsDoneIsShownEvaluating() {
        progress.started(plan);

        assertThat(progress.line(plan, at(3000, Map.of())))
                .startsWith("  rope1d-seed0: step 3000/3000 loss 0.0339 training done, evaluating (run time ");
    }

    @Test
    void theSummaryLineLeavesOutEvaluatorBookkeeping() {
        progress.started(plan);

        progress.finished(plan, RunStatus.FINISHED, at(3000, Map.of("fid/cfg1.5", 83.49,
                "precision-recall.k/cfg1.5", 3.0, "precision-recall.radiusQuantile/cfg1.5", 0.5,
                "class-agreement.samples/cfg1.5", 1000.0)), 61, 0);

        assertThat(output.toString()).contains("[0] rope1d-seed0: FINISHED in 1m01s (1/1) fid/cfg1.5=83.49")
                .doesNotContain(".k/").doesNotContain("radiusQuantile").doesNotContain("samples");
    }
}
