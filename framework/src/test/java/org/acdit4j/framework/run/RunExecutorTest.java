package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.testing.ClassMeanModel;
import org.acdit4j.framework.testing.RecordingTracker;
import org.acdit4j.framework.testing.TestModelType;
import org.acdit4j.framework.testing.TestSampling;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExecutorTest {

    static final ExperimentDefinition EXPERIMENT = Experiment.define("runner", e -> e
            .description("runner test")
            .data(d -> d.name(SyntheticShapes.NAME).size(8))
            .model(TestModelType.TYPE, m -> m.patch(2).blockSize(4))
            .train(t -> t.steps(40).batch(16).lr(0.05).warmupSteps(0))
            .track(t -> t.logEvery(5).checkpointEvery(10))
            .sweep(s -> s.grid("train.lr", 0.05, 0.2).seeds(0, 1)));

    @TempDir
    Path runs;

    private final RecordingTracker tracker = new RecordingTracker();
    private final Map<String, DatasetFactory> datasets = Map.of(SyntheticShapes.NAME, new SyntheticShapes());

    private RunExecutor executor(ModelFactory factory) {
        return new RunExecutor(datasets, Map.of("class-mean", factory),
                (model, dataset, spec, seed, dir) -> new EvaluationResult(
                        Map.of("sample.mean", meanPixel(model)), Map.of("fid.featureNetwork", "abc"), List.of()), tracker,
                Map.of("host", "test"), Clock.systemUTC());
    }

    static double meanPixel(GenerativeModel model) {
        float[] pixels = model.sample(new org.acdit4j.framework.model.SampleRequest(new int[] {0, 1, 2}, new TestSampling("ddim", 1),
                1, 7, true, true)).pixels();
        double sum = 0;
        for (float pixel : pixels) {
            sum += pixel;
        }
        return sum / pixels.length;
    }

    @Test
    void aRunFinishesWithItsFolderMetricsAndTrackerRun() throws Exception {
        RunPlan plan = SweepPlanner.plan(EXPERIMENT, null, List.of()).get(0);
        RunFolder folder = RunFolder.of(runs, "runner", plan.name());

        RunStatus status = executor(TestModelType.FACTORY).execute(plan, folder, Map.of("train.lr", "0.05"), null);

        assertThat(status).isEqualTo(RunStatus.FINISHED);
        RunRecord record = folder.record().orElseThrow();
        assertThat(record.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(record.step()).isEqualTo(40);
        assertThat(record.ended()).isNotNull();
        assertThat(record.metrics()).containsKeys("sample.mean", "train.imagesSeen", "train.flops",
                "system.peakRssBytes", "system.peakHeapBytes");
        assertThat(record.metrics().get("system.peakRssBytes")).isGreaterThan(record.metrics().get("system.peakHeapBytes") / 4);
        assertThat(record.metrics().get("train.imagesSeen")).isEqualTo(640.0);
        assertThat(record.assignments()).containsEntry("train.lr", "0.05");
        assertThat(folder.root().resolve("config.yaml")).content().contains("train:\n").contains("  lr: 0.05");
        assertThat(folder.root().resolve("config.yaml")).content().contains("run:\n").contains("  name: lr0.05-seed0\n");
        assertThat(folder.root().resolve("overrides.txt")).isEmptyFile();
        assertThat(RunCheckpoint.configuration(folder.latestCheckpoint())).containsEntry("train.lr", "0.05")
                .containsEntry("run.name", "lr0.05-seed0");
        assertThat(folder.samples().resolve("final.png")).isRegularFile();
        assertThat(LossCurve.read(folder)).hasSize(8);
        assertThat(LossCurve.read(folder).get(7).loss()).isLessThan(LossCurve.read(folder).get(0).loss());
        RecordingTracker.Run run = tracker.runs.get(record.trackerRunId());
        assertThat(run.status).isEqualTo(RunStatus.FINISHED);
        assertThat(run.params).containsEntry("train.lr", "0.05").containsEntry("seed", "0");
        assertThat(run.metrics).contains("train.imagesSeen@40=640.0").anyMatch(line -> line.startsWith("train.loss@5="));
        assertThat(run.artifacts).contains("samples");
        assertThat(run.tags).containsEntry("fid.featureNetwork", "abc");
    }

    @Test
    void aStoppedRunCheckpointsAndResumesToTheSameResultAsAStraightRun() throws Exception {
        RunPlan plan = SweepPlanner.plan(EXPERIMENT, null, List.of()).get(1);
        RunFolder straight = straightRun(plan);

        RunFolder interrupted = RunFolder.of(runs.resolve("interrupted"), "runner", plan.name());
        RunExecutor[] first = new RunExecutor[1];
        first[0] = executor(TestModelType.factory((model, train, geometry, seed) -> {
            ClassMeanModel created = new ClassMeanModel(geometry, train.lr());
            created.afterEachStep(() -> {
                if (created.step() == 17) {
                    first[0].requestStop();
                }
            });
            return created;
        }));
        assertThat(first[0].execute(plan, interrupted, Map.of(), null)).isEqualTo(RunStatus.KILLED);
        RunRecord killed = interrupted.record().orElseThrow();
        assertThat(killed.failure()).isEqualTo("stopped by a signal at step 17; rerun to resume");
        assertThat(tracker.runs.get(killed.trackerRunId()).status).isEqualTo(RunStatus.KILLED);

        assertThat(executor(TestModelType.FACTORY).execute(plan, interrupted, Map.of(), null)).isEqualTo(RunStatus.FINISHED);

        RunRecord resumed = interrupted.record().orElseThrow();
        assertThat(resumed.trackerRunId()).isEqualTo(killed.trackerRunId());
        assertThat(resumed.metrics().get("sample.mean")).isEqualTo(straight.record().orElseThrow().metrics().get("sample.mean"));
        assertThat(Files.mismatch(interrupted.latestCheckpoint(), straight.latestCheckpoint())).isEqualTo(-1L);
    }

    /** {@code plan} run to its end without a stop, in the folder "straight": what a resumed run must equal. */
    private RunFolder straightRun(RunPlan plan) {
        RunFolder straight = RunFolder.of(runs.resolve("straight"), "runner", plan.name());
        executor(TestModelType.FACTORY).execute(plan, straight, Map.of(), null);
        return straight;
    }

    /** Stands for a SIGKILL: leaves the executor at once, past every catch, without any cleanup. */
    private static final class Killed extends Error {
    }

    /** A run of {@code plan} that dies without cleanup right after step {@code killedAt}. */
    private RunExecutor killedAfter(long killedAt) {
        return executor(TestModelType.factory((model, train, geometry, seed) -> {
            ClassMeanModel created = new ClassMeanModel(geometry, train.lr());
            created.afterEachStep(() -> {
                if (created.step() == killedAt + 1) {
                    throw new Killed();
                }
            });
            return created;
        }));
    }

    @Test
    void aRunKilledBetweenCheckpointsHoldsEachStepOnceInItsCurvesAndTrackerRun() throws Exception {
        RunPlan plan = SweepPlanner.plan(EXPERIMENT, null, List.of("track.evaluateEvery=15")).get(0);
        RunFolder straight = straightRun(plan);

        RunFolder killed = RunFolder.of(runs.resolve("killed"), "runner", plan.name());
        assertThatThrownBy(() -> killedAfter(16).execute(plan, killed, Map.of(), null)).isInstanceOf(Killed.class);
        assertThat(killed.record().orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(LossCurve.read(killed)).extracting(LossCurve.Point::step).containsExactly(5L, 10L, 15L);
        assertThat(RunCheckpoint.read(killed.latestCheckpoint()).step()).isEqualTo(10);

        assertThat(executor(TestModelType.FACTORY).execute(plan, killed, Map.of(), null)).isEqualTo(RunStatus.FINISHED);

        assertThat(Files.readAllLines(LossCurve.file(killed))).isEqualTo(Files.readAllLines(LossCurve.file(straight)));
        assertThat(Files.readAllLines(EvaluationProgress.file(killed)))
                .isEqualTo(Files.readAllLines(EvaluationProgress.file(straight)));
        List<String> logged = tracker.runs.get(killed.record().orElseThrow().trackerRunId()).metrics;
        List<String> straightLogged = tracker.runs.get(straight.record().orElseThrow().trackerRunId()).metrics;
        assertThat(stepsOf(logged, "train.loss")).containsExactly(5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L);
        assertThat(stepsOf(logged, "sample.mean")).containsExactly(15L, 30L, 40L);
        assertThat(withoutTimings(logged)).isEqualTo(withoutTimings(straightLogged));
    }

    @Test
    void aTruncatedLatestCheckpointFallsBackToThePreviousOneAndIsSetAside() throws Exception {
        RunPlan plan = SweepPlanner.plan(EXPERIMENT, null, List.of()).get(1);
        RunFolder straight = straightRun(plan);
        RunFolder killed = RunFolder.of(runs.resolve("killed"), "runner", plan.name());
        assertThatThrownBy(() -> killedAfter(26).execute(plan, killed, Map.of(), null)).isInstanceOf(Killed.class);
        assertThat(RunCheckpoint.read(killed.previousCheckpoint()).step()).isEqualTo(10);
        byte[] latest = Files.readAllBytes(killed.latestCheckpoint());
        Files.write(killed.latestCheckpoint(), java.util.Arrays.copyOf(latest, latest.length - 100));

        ResumePoint point = ResumePoint.of(killed).orElseThrow();
        assertThat(point.checkpoint()).isEqualTo(killed.previousCheckpoint());
        assertThat(point.fallback()).contains(killed.latestCheckpoint() + " is truncated (" + (latest.length - 100)
                + " bytes, the zip directory at its end is missing); resuming from " + killed.previousCheckpoint()
                + " at step 10 instead (the unusable file is kept with the suffix .unusable)");

        assertThat(executor(TestModelType.FACTORY).execute(plan, killed, Map.of(), null)).isEqualTo(RunStatus.FINISHED);

        assertThat(killed.checkpoints().resolve("latest.ckpt.unusable")).hasSize(latest.length - 100L);
        assertThat(Files.mismatch(killed.latestCheckpoint(), straight.latestCheckpoint())).isEqualTo(-1L);
        assertThat(Files.readAllLines(LossCurve.file(killed))).isEqualTo(Files.readAllLines(LossCurve.file(straight)));
        assertThat(stepsOf(tracker.runs.get(killed.record().orElseThrow().trackerRunId()).metrics, "train.loss"))
                .containsExactly(5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L);
    }

    @Test
    void aRunWithoutAUsableCheckpointFailsNamingEachFileAndItsFault() throws Exception {
        RunPlan plan = SweepPlanner.plan(EXPERIMENT, null, List.of()).get(0);
        RunFolder folder = RunFolder.of(runs, "runner", plan.name());
        assertThatThrownBy(() -> killedAfter(26).execute(plan, folder, Map.of(), null)).isInstanceOf(Killed.class);
        Files.write(folder.latestCheckpoint(), new byte[0]);
        Files.writeString(folder.previousCheckpoint(), "overwritten by mistake");

        assertThat(executor(TestModelType.FACTORY).execute(plan, folder, Map.of(), null)).isEqualTo(RunStatus.FAILED);

        assertThat(folder.record().orElseThrow().failure()).isEqualTo(folder.latestCheckpoint()
                + " is not a run checkpoint (not a zip file); " + folder.previousCheckpoint()
                + " is not a run checkpoint (not a zip file); no usable checkpoint to resume from (delete them to "
                + "train the run again from step 0)");
        assertThat(folder.previousCheckpoint()).content().isEqualTo("overwritten by mistake");
    }

    @Test
    void aCheckpointOfAnotherTrainingIsNotResumedFrom() throws Exception {
        List<RunPlan> plans = SweepPlanner.plan(EXPERIMENT, null, List.of());
        RunPlan otherLr = plans.stream().filter(plan -> plan.name().equals("lr0.2-seed0")).findFirst().orElseThrow();
        RunFolder other = RunFolder.of(runs, "runner", otherLr.name());
        executor(TestModelType.FACTORY).execute(otherLr, other,
                EXPERIMENT.resolvedValues(null, otherLr.overrides(), otherLr.assignments()), null);
        RunFolder folder = RunFolder.of(runs, "runner", plans.get(0).name());
        Map<String, String> values = EXPERIMENT.resolvedValues(null, plans.get(0).overrides(), plans.get(0).assignments());
        assertThatThrownBy(() -> killedAfter(16).execute(plans.get(0), folder, values, null)).isInstanceOf(Killed.class);
        Files.delete(folder.latestCheckpoint());
        Files.copy(other.latestCheckpoint(), folder.latestCheckpoint());

        assertThat(executor(TestModelType.FACTORY).execute(plans.get(0), folder, values, null))
                .isEqualTo(RunStatus.FAILED);

        assertThat(folder.record().orElseThrow().failure()).isEqualTo(folder.latestCheckpoint()
                + " belongs to another training (train.lr: '0.2' in the checkpoint, '0.05' in config.yaml); no usable "
                + "checkpoint to resume from (delete it to train the run again from step 0)");
    }

    /** The metrics that measure the run, not the machine (its speed and memory differ from run to run). */
    private static List<String> withoutTimings(List<String> metrics) {
        return metrics.stream().filter(line -> !line.startsWith("train.secondsPerStep@") && !line.startsWith("system."))
                .toList();
    }

    private static List<Long> stepsOf(List<String> metrics, String key) {
        return metrics.stream().filter(line -> line.startsWith(key + "@"))
                .map(line -> Long.parseLong(line.substring(line.indexOf('@') + 1, line.indexOf('=')))).toList();
    }

    @Test
    void aRunStartsFromAnIdenticalFinishedTrainingOfAnotherExperimentAndOnlyFromSuchOne() throws Exception {
        RunPlan donorPlan = SweepPlanner.plan(EXPERIMENT, null, List.of()).get(0);
        RunFolder donor = RunFolder.of(runs, "runner", donorPlan.name());
        executor(TestModelType.FACTORY).execute(donorPlan, donor, EXPERIMENT.resolvedValues(null, donorPlan.overrides(), donorPlan.assignments()), null);

        ExperimentDefinition ablation = Experiment.define("ablation", e -> e
                .description("same training, other tracking")
                .data(d -> d.name(SyntheticShapes.NAME).size(8))
                .model(TestModelType.TYPE, m -> m.patch(2).blockSize(4))
                .train(t -> t.steps(40).batch(16).lr(0.05).warmupSteps(0))
                .track(t -> t.logEvery(10).checkpointEvery(20))
                .sweep(s -> s.grid("train.lr", 0.05, 0.1).seeds(0)));
        List<RunPlan> plans = SweepPlanner.plan(ablation, null, List.of());
        int[] stepsTrained = new int[1];
        RunExecutor counting = executor(TestModelType.factory((model, train, geometry, seed) -> {
            ClassMeanModel created = new ClassMeanModel(geometry, train.lr());
            created.afterEachStep(() -> stepsTrained[0]++);
            return created;
        }));

        RunFolder same = RunFolder.of(runs, "ablation", plans.get(0).name());
        counting.execute(plans.get(0), same, ablation.resolvedValues(null, plans.get(0).overrides(), plans.get(0).assignments()), null);
        assertThat(stepsTrained[0]).isZero();
        RunRecord reused = same.record().orElseThrow();
        assertThat(reused.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(reused.metrics().get("sample.mean")).isEqualTo(donor.record().orElseThrow().metrics().get("sample.mean"));
        ClassMeanModel adopted = new ClassMeanModel(new SyntheticShapes().geometry(DataSpec.of(SyntheticShapes.NAME, 8)), 0.05);
        ClassMeanModel donated = new ClassMeanModel(new SyntheticShapes().geometry(DataSpec.of(SyntheticShapes.NAME, 8)), 0.05);
        RunCheckpoint.restore(adopted, same.latestCheckpoint());
        RunCheckpoint.restore(donated, donor.latestCheckpoint());
        assertThat(adopted.step()).isEqualTo(donated.step()).isEqualTo(40);
        assertThat(meanPixel(adopted)).isEqualTo(meanPixel(donated));
        assertThat(RunCheckpoint.configuration(same.latestCheckpoint())).containsEntry("run.experiment", "ablation");
        assertThat(LossCurve.read(same)).isEqualTo(LossCurve.read(donor));
        assertThat(tracker.runs.get(reused.trackerRunId()).tags)
                .containsEntry("acdit.trainingReusedFrom", "runner/" + donorPlan.name());

        RunFolder otherLr = RunFolder.of(runs, "ablation", plans.get(1).name());
        counting.execute(plans.get(1), otherLr, ablation.resolvedValues(null, plans.get(1).overrides(), plans.get(1).assignments()), null);
        assertThat(stepsTrained[0]).isEqualTo(40);
        assertThat(tracker.runs.get(otherLr.record().orElseThrow().trackerRunId()).tags)
                .doesNotContainKey("acdit.trainingReusedFrom");

        RunPlan refusing = SweepPlanner.plan(ablation, null, List.of("track.reuseTraining=false")).get(0);
        RunFolder fresh = RunFolder.of(runs, "refusing", refusing.name());
        counting.execute(refusing, fresh, ablation.resolvedValues(null, refusing.overrides(), refusing.assignments()), null);
        assertThat(stepsTrained[0]).isEqualTo(80);
    }

    @Test
    void aDivergingRunEndsFailedWithTheStepAndAHint() {
        RunPlan plan = SweepPlanner.plan(EXPERIMENT, null, List.of("sweep.grid.train.lr=1e6")).get(0);
        RunFolder folder = RunFolder.of(runs, "runner", plan.name());

        assertThat(executor(TestModelType.FACTORY).execute(plan, folder, Map.of(), null)).isEqualTo(RunStatus.FAILED);

        RunRecord record = folder.record().orElseThrow();
        assertThat(record.status()).isEqualTo(RunStatus.FAILED);
        assertThat(record.failure()).matches("loss became (NaN|Infinity) at step \\d+ \\(learning rate 1000000.0\\); "
                + "lower train.lr or keep train.gradClip > 0");
        assertThat(tracker.runs.get(record.trackerRunId()).status).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void aRunOutOfNativeMemoryEndsFailedNamingTheLimitAndTheSettingThatRaisesIt() {
        RunPlan plan = SweepPlanner.plan(EXPERIMENT, null, List.of()).get(0);
        RunFolder folder = RunFolder.of(runs, "runner", plan.name());
        RunExecutor exhausted = executor(TestModelType.factory((model, train, geometry, seed) -> {
            ClassMeanModel created = new ClassMeanModel(geometry, train.lr());
            created.afterEachStep(() -> {
                if (created.step() == 12) {
                    throw new OutOfMemoryError("Physical memory usage is too high: physicalBytes (3G) > maxPhysicalBytes (3G)");
                }
            });
            return created;
        }));

        assertThat(exhausted.execute(plan, folder, Map.of(), null)).isEqualTo(RunStatus.FAILED);

        RunRecord record = folder.record().orElseThrow();
        assertThat(record.status()).isEqualTo(RunStatus.FAILED);
        assertThat(record.failure()).startsWith("out of native memory: the resident set reached "
                + "org.bytedeco.javacpp.maxPhysicalBytes=").contains("ACDIT_JAVA_OPTS=").doesNotContain("\n");
        assertThat(tracker.runs.get(record.trackerRunId()).status).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void evaluateEveryLogsTheEvaluatorsAtTheirStepWhileTraining() {
        RunPlan plan = SweepPlanner.plan(EXPERIMENT, null, List.of("track.evaluateEvery=15")).get(0);
        RunFolder folder = RunFolder.of(runs, "runner", plan.name());

        executor(TestModelType.FACTORY).execute(plan, folder, Map.of(), null);

        RecordingTracker.Run run = tracker.runs.get(folder.record().orElseThrow().trackerRunId());
        List<String> evaluations = run.metrics.stream().filter(line -> line.startsWith("sample.mean@")).toList();
        assertThat(evaluations).extracting(line -> line.substring(0, line.indexOf('=')))
                .containsExactly("sample.mean@15", "sample.mean@30", "sample.mean@40");
        assertThat(evaluations.get(0)).isNotEqualTo(evaluations.get(2).replace("@40", "@15"));
        assertThat(folder.root().resolve("evaluation").resolve("step-30")).isDirectory();
        List<EvaluationProgress.Point> progress = EvaluationProgress.read(folder);
        assertThat(progress).extracting(EvaluationProgress.Point::step).containsExactly(15L, 30L, 40L);
        assertThat(progress).extracting(EvaluationProgress.Point::imagesSeen).containsExactly(240.0, 480.0, 640.0);
        assertThat(progress.get(2).value()).isEqualTo(folder.record().orElseThrow().metrics().get("sample.mean"));
    }

    @Test
    void theInferenceArraysAreReleasedAfterEachEvaluationAndAgainAtTheNextLoggedStep() {
        RunPlan plan = SweepPlanner.plan(EXPERIMENT, null, List.of("track.evaluateEvery=15")).get(0);
        List<Long> releasedAt = new ArrayList<>();

        executor(TestModelType.factory((model, train, geometry, seed) -> new ClassMeanModel(geometry, train.lr()) {
            @Override
            public void releaseInferenceArrays() {
                releasedAt.add(step());
            }
        })).execute(plan, RunFolder.of(runs, "runner", plan.name()), Map.of(), null);

        assertThat(releasedAt).as("evaluations at 15 and 30, logged every 5 steps").containsExactly(15L, 20L, 30L, 35L);
    }

    @Test
    void anUnknownModelNameFailsAtPlanningNamingTheKey() {
        assertThatThrownBy(() -> SweepPlanner.plan(EXPERIMENT, null, List.of("model.name=gan")))
                .hasMessageContaining("model.name: unknown model 'gan'; this experiment defines class-mean");
    }

    @Test
    void aModelTheApplicationDoesNotRegisterFailsTheRunNamingTheKey() {
        RunPlan plan = SweepPlanner.plan(EXPERIMENT, null, List.of()).get(0);
        RunFolder folder = RunFolder.of(runs, "runner", plan.name());

        new RunExecutor(datasets, Map.of(), (model, dataset, spec, seed, dir) -> null, tracker, Map.of(), Clock.systemUTC())
                .execute(plan, folder, Map.of(), null);

        assertThat(folder.record().orElseThrow().failure()).isEqualTo("model.name: unknown model 'class-mean'; known: ");
    }
}
