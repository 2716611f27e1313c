package org.acdit4j.tracking.resume;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.run.RunExecutor;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.testing.ClassMeanModel;
import org.acdit4j.framework.testing.TestModelType;
import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.file.MlrunsStore;
import org.acdit4j.tracking.sql.SqliteLocation;
import org.acdit4j.tracking.sql.SqliteStore;
import org.acdit4j.tracking.support.TestFiles;

/**
 * One small training (a class-mean model on synthetic shapes) into a real store, for the kill-and-resume test; its
 * {@link #main} is the training child JVM that the test kills with SIGKILL between two checkpoints: it holds still
 * once it has logged step {@code holdAfter} (a process that is busy elsewhere when the signal comes), so that the
 * kill lands at a known step. Arguments: {@code mlruns|sqlite <store path> <runs folder> <holdAfter>}.
 */
public final class KilledTraining {

    static final int STEPS = 200;
    static final int CHECKPOINT_EVERY = 40;
    static final ExperimentDefinition EXPERIMENT = Experiment.define("killed", e -> e
            .description("a training killed between two checkpoints")
            .data(d -> d.name(SyntheticShapes.NAME).size(8))
            .model(TestModelType.TYPE, m -> m.patch(2).blockSize(4))
            .train(t -> t.steps(STEPS).batch(8).lr(0.05).warmupSteps(0))
            .track(t -> t.logEvery(5).checkpointEvery(CHECKPOINT_EVERY).evaluateEvery(30)));

    private KilledTraining() {
    }

    public static void main(String[] args) throws Exception {
        try (Tracker tracker = store(args[0], Path.of(args[1]))) {
            run(tracker, Path.of(args[2]), Long.parseLong(args[3]));
        }
    }

    /** A store of the kind named, buffering a few points as the real defaults do (but due sooner). */
    static Tracker store(String kind, Path path) {
        MetricBuffering buffering = new MetricBuffering(6, Duration.ofMillis(50));
        return kind.equals("sqlite")
                ? new SqliteStore(new SqliteLocation(path), Clock.systemUTC(), TestFiles.SOURCE, buffering)
                : new MlrunsStore(path, Clock.systemUTC(), TestFiles.SOURCE, buffering);
    }

    static RunFolder folder(Path runs) {
        return RunFolder.of(runs, EXPERIMENT.name(), plan().name());
    }

    /** Trains (or resumes) the run in {@code runs}; once step {@code holdAfter} is logged it holds until killed. */
    static void run(Tracker tracker, Path runs, long holdAfter) {
        RunExecutor executor = new RunExecutor(Map.of(SyntheticShapes.NAME, new SyntheticShapes()),
                Map.of(TestModelType.NAME, TestModelType.factory((model, train, geometry, seed) -> {
                    ClassMeanModel created = new ClassMeanModel(geometry, train.lr());
                    created.afterEachStep(() -> {
                        if (created.step() > holdAfter) {
                            holdUntilKilled();
                        }
                    });
                    return created;
                })),
                (model, dataset, spec, seed, dir) -> new EvaluationResult(Map.of("sample.meanStep", (double) model.step()),
                        Map.of(), List.of()),
                tracker, Map.of(), Clock.systemUTC());
        RunPlan plan = plan();
        executor.execute(plan, folder(runs), EXPERIMENT.resolvedValues(null, plan.overrides(), plan.assignments()), null);
    }

    private static RunPlan plan() {
        return SweepPlanner.plan(EXPERIMENT, null, List.of()).get(0);
    }

    private static void holdUntilKilled() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
