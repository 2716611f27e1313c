package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.acdit4j.framework.dsl.CaseBuilder;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.testing.TestModelType;
import org.acdit4j.framework.tracking.RunStatus;

/**
 * Run records of a sweep of the test model, written to a runs folder as finished runs write them, and the cases of a
 * width × block-size sweep.
 */
final class ScalingRuns {

    private ScalingRuns() {
    }

    /** A case of the test model at {@code width} with {@code blockSize} tokens per block. */
    static Customizer<CaseBuilder> size(int width, int blockSize) {
        return c -> c.model(TestModelType.TYPE, m -> m.width(width).blockSize(blockSize));
    }

    /**
     * One record per plan of {@code definition} (standard), finished after {@code steps} steps with the final metrics
     * {@code metrics} gives it, or failed (NaN loss) where it gives none; each written under {@code runsRoot}.
     */
    static List<RunRecord> write(ExperimentDefinition definition, Path runsRoot, int steps,
                                 Function<RunPlan, Map<String, Double>> metrics) {
        List<RunRecord> runs = new ArrayList<>();
        for (RunPlan plan : SweepPlanner.plan(definition, null, List.of())) {
            Map<String, Double> finalMetrics = metrics.apply(plan);
            boolean failed = finalMetrics.isEmpty();
            RunRecord record = RunRecord.builder().experiment(definition.name()).run(plan.name()).index(plan.index())
                    .seed(plan.seed()).preset("").assignments(plan.assignments())
                    .status(failed ? RunStatus.FAILED : RunStatus.FINISHED).started("t0").heartbeat("t1").ended("t2")
                    .step(steps).steps(steps).lastLoss(0.5).failure(failed ? "loss became NaN at step 3" : null)
                    .metrics(finalMetrics).build();
            RunFolder.of(runsRoot, definition.name(), record.run()).write(record);
            runs.add(record);
        }
        return runs;
    }
}
