package org.acdit4j.framework.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.acdit4j.framework.data.BatchStream;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.FrameRollout;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.model.TrainStepResult;
import org.acdit4j.framework.report.ImageGrid;
import org.acdit4j.framework.report.RunSampleGrid;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.framework.system.MemoryLimits;
import org.acdit4j.framework.system.ProcessMemory;
import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.framework.tracking.Tracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one plan to the end inside the current process: opens data and model, resumes from the newest usable
 * checkpoint ({@link ResumePoint}: the previous one when the latest is damaged) and into the same tracker run when
 * there is one, trains with periodic metrics, heartbeats, checkpoints (the latest two are kept) and sample grids,
 * evaluates, and leaves the run folder FINISHED, FAILED (with the reason) or KILLED (on a shutdown signal, after a
 * checkpoint). After a resume every step is in {@code loss.csv}, {@code evaluation-progress.csv} and the tracker's
 * metric histories once, even when the process was killed between two checkpoints.
 */
public final class RunExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecutor.class);
    private static final int GIF_FRAME_MILLIS = 200;
    /** A video model's final samples include a rollout this many times its trained clip length. */
    private static final int ROLLOUT_LENGTHS = 4;
    /** How long a stopping JVM waits for the training loop to checkpoint (an evaluation under way is not cut short). */
    static final long STOP_WAIT_SECONDS = 120;

    private final Map<String, DatasetFactory> datasets;
    private final Map<String, ModelFactory> models;
    private final RunEvaluation evaluation;
    private final Tracker tracker;
    private final Map<String, String> provenance;
    private final Clock clock;
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    public RunExecutor(Map<String, DatasetFactory> datasets, Map<String, ModelFactory> models, RunEvaluation evaluation,
                       Tracker tracker, Map<String, String> provenance, Clock clock) {
        this.datasets = datasets;
        this.models = models;
        this.evaluation = evaluation;
        this.tracker = tracker;
        this.provenance = provenance;
        this.clock = clock;
    }

    /** Asks a running {@link #execute} to checkpoint and stop as KILLED at the next step. */
    public void requestStop() {
        stopRequested.set(true);
    }

    /**
     * Trains and evaluates {@code plan} in {@code folder}, holding the folder's {@link RunLock} throughout.
     *
     * @throws RunBusyException when another process holds the lock (it trains the run), before anything is written
     */
    public RunStatus execute(RunPlan plan, RunFolder folder, Map<String, String> resolvedValues, String parentRunId) {
        RunLock lock = RunLock.tryAcquire(folder)
                .orElseThrow(() -> new RunBusyException(folder, RunLock.holder(folder).orElse("another process")));
        try (lock) {
            return executeHoldingLock(plan, folder, resolvedValues, parentRunId);
        }
    }

    private RunStatus executeHoldingLock(RunPlan plan, RunFolder folder, Map<String, String> resolvedValues,
                                         String parentRunId) {
        folder.createDirectories();
        RunRecord record = folder.record().orElseGet(() -> planned(plan));
        if (record.status() == RunStatus.FINISHED) {
            LOG.info("{} already finished; nothing to do", plan.name());
            return RunStatus.FINISHED;
        }
        Map<String, String> configuration = folder.writeConfigOnce(runConfiguration(plan, resolvedValues),
                plan.overrides());
        ExperimentSpec spec = plan.spec();
        TrackedRun trackedRun = openTrackedRun(plan, record, parentRunId, resolvedValues);
        record = record.started(now(), provenance).withTracker(trackedRun.runId(), parentRunId);
        folder.write(record);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            requestStop();
            awaitQuietly(finished);
        }, "acdit-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return trainAndEvaluate(plan, spec, folder, record, trackedRun, resolvedValues, configuration);
        } finally {
            finished.countDown();
            ShutdownHooks.remove(hook);
        }
    }

    private RunStatus trainAndEvaluate(RunPlan plan, ExperimentSpec spec, RunFolder folder, RunRecord record,
                                       TrackedRun trackedRun, Map<String, String> resolvedValues,
                                       Map<String, String> configuration) {
        try {
            DatasetFactory datasetFactory = lookup(datasets, spec.data().name(), "data.name", "dataset");
            ModelFactory modelFactory = lookup(models, spec.model().name(), "model.name", "model");
            Dataset dataset = datasetFactory.open(spec.data());
            GenerativeModel model = modelFactory.create(spec.model().config(), spec.train(), dataset.geometry(), plan.seed());
            Optional<ResumePoint> resumePoint = ResumePoint.of(folder);
            if (resumePoint.isEmpty() && spec.track().reuseTraining()) {
                adoptIdenticalTraining(plan, folder, trackedRun, resolvedValues, configuration);
                resumePoint = ResumePoint.of(folder);
            }
            if (resumePoint.isPresent()) {
                ResumePoint point = resumePoint.get();
                point.fallback().ifPresent(line -> LOG.warn("{}: {}", plan.name(), line));
                point.setAsideUnusable();
                RunCheckpoint.restore(model, point.checkpoint());
                LOG.info("{}: resumed from {} at step {}", plan.name(), point.checkpoint(), model.step());
                record = record.withProgress(model.step(), record.lastLoss(), now());
                folder.write(record);
            }
            forgetStepsAfter(folder, model.step(), spec.train().steps());
            trackedRun.setTags(Map.of("acdit.parameters", String.valueOf(model.parameterCount())));
            record = train(plan, spec, folder, record, trackedRun, dataset, model, configuration);
            if (record.status() != RunStatus.RUNNING) {
                return record.status();
            }
            writeGrid(model, dataset, spec, plan.seed(), folder.samples().resolve("final.png"), trackedRun);
            Path evaluationDir = folder.root().resolve("evaluation");
            EvaluationResult evaluated = evaluation.evaluate(model, dataset, spec, plan.seed(), evaluationDir);
            Map<String, Double> metrics = new LinkedHashMap<>(evaluated.metrics());
            trackedRun.setTags(evaluated.tags());
            for (Path artifact : evaluated.artifacts()) {
                trackedRun.logArtifact(artifact, "evaluation");
            }
            double imagesSeen = imagesSeen(model, spec);
            double trainFlops = trainFlops(model, spec);
            EvaluationProgress.append(folder, model.step(), imagesSeen, trainFlops, evaluated.metrics());
            metrics.put(RunMetrics.IMAGES_SEEN.text(), imagesSeen);
            metrics.put(RunMetrics.TRAIN_FLOPS.text(), trainFlops);
            metrics.put(RunMetrics.PARAMETERS.text(), (double) model.parameterCount());
            ProcessMemory.peakResidentBytes()
                    .ifPresent(bytes -> metrics.put(RunMetrics.PEAK_RSS_BYTES.text(), (double) bytes));
            metrics.put(RunMetrics.PEAK_HEAP_BYTES.text(), (double) ProcessMemory.peakHeapBytes());
            metrics.forEach((key, value) -> trackedRun.logMetric(key, value, model.step()));
            record = record.withMetrics(metrics).withStatus(RunStatus.FINISHED, now());
            folder.write(record);
            trackedRun.end(RunStatus.FINISHED);
            return RunStatus.FINISHED;
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            String reason = e instanceof OutOfMemoryError oom ? MemoryLimits.explain(oom)
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.error("{} failed: {}", plan.name(), reason, e);
            folder.write(record.withFailure(reason).withStatus(RunStatus.FAILED, now()));
            trackedRun.setTags(Map.of("acdit.failure", reason));
            trackedRun.end(RunStatus.FAILED);
            return RunStatus.FAILED;
        }
    }

    /**
     * Drops from the run's curves what a run resumed at {@code step} computes again: the losses after it and the
     * evaluations after it (the final one included, which follows the last checkpoint). The tracker needs no such
     * step: a resumed tracker run does not log the steps it already holds ({@link ContinuedRun}).
     */
    private static void forgetStepsAfter(RunFolder folder, long step, long steps) {
        LossCurve.dropAfter(folder, step);
        EvaluationProgress.dropFrom(folder, Math.min(step + 1, steps));
    }

    /**
     * Saves a checkpoint after sending the tracker everything logged so far, so that the tracker holds every step up to
     * the checkpoint's ({@link ContinuedRun} does not log them again after a resume).
     */
    private static void checkpoint(GenerativeModel model, Map<String, String> configuration, RunFolder folder,
                                   TrackedRun trackedRun) throws IOException {
        trackedRun.flush();
        RunCheckpoint.save(model, configuration, folder);
    }

    /** Starts from the final checkpoint of an identical finished training, when the runs folder holds one. */
    private void adoptIdenticalTraining(RunPlan plan, RunFolder folder, TrackedRun trackedRun,
                                        Map<String, String> resolvedValues, Map<String, String> configuration)
            throws IOException {
        Map<String, String> identity = ReusableTraining.identity(resolvedValues, plan.seed());
        if (!identity.containsKey("data.name") || !identity.containsKey("model.name")) {
            return;                                          // not a resolved configuration: nothing to match
        }
        Path runsRoot = folder.root().toAbsolutePath().getParent().getParent();
        Optional<RunFolder> donor = ReusableTraining.find(runsRoot, identity, folder);
        if (donor.isEmpty()) {
            return;
        }
        ReusableTraining.adopt(donor.get(), folder, plan.spec().train().steps(), configuration);
        String source = runsRoot.relativize(donor.get().root().toAbsolutePath()).toString();
        String commit = donor.get().record().map(r -> r.provenance().getOrDefault("git.commit", "unknown"))
                .orElse("unknown");
        LOG.info("{}: the same training finished in {} (commit {}); starting from its final checkpoint", plan.name(),
                source, commit);
        trackedRun.setTags(Map.of("acdit.trainingReusedFrom", source, "acdit.trainingReusedCommit", commit));
        for (LossCurve.Point point : LossCurve.read(folder)) {
            trackedRun.logMetric("train.loss", point.loss(), point.step());
        }
    }

    private RunRecord train(RunPlan plan, ExperimentSpec spec, RunFolder folder, RunRecord record, TrackedRun trackedRun,
                            Dataset dataset, GenerativeModel model, Map<String, String> configuration) throws IOException {
        BatchStream batches = dataset.train().batches(spec.train().batch(), plan.seed());
        int steps = spec.train().steps();
        double windowLoss = 0;
        int windowSteps = 0;
        long windowStart = System.nanoTime();
        boolean evaluatedSinceLastLog = false;
        while (model.step() < steps) {
            if (stopRequested.get()) {
                checkpoint(model, configuration, folder, trackedRun);
                RunRecord killed = record.withFailure("stopped by a signal at step " + model.step() + "; rerun to resume")
                        .withStatus(RunStatus.KILLED, now());
                folder.write(killed);
                trackedRun.end(RunStatus.KILLED);
                return killed;
            }
            TrainStepResult result = model.trainStep(batches.batch(model.step()));
            if (!Double.isFinite(result.loss())) {
                throw new TrainingDivergedException("loss became " + result.loss() + " at step " + result.step()
                        + " (learning rate " + result.learningRate() + "); lower train.lr or keep train.gradClip > 0");
            }
            windowLoss += result.loss();
            windowSteps++;
            long step = result.step();
            if (step % spec.track().logEvery() == 0 || step == steps) {
                double meanLoss = windowLoss / windowSteps;
                double seconds = (System.nanoTime() - windowStart) / 1e9;
                if (evaluatedSinceLastLog) {      // again, now that collections have freed the samples and caches
                    model.releaseInferenceArrays();
                    evaluatedSinceLastLog = false;
                }
                trackedRun.logMetric("train.loss", meanLoss, step);
                trackedRun.logMetric("train.lr", result.learningRate(), step);
                trackedRun.logMetric("train.gradNorm", result.gradientNorm(), step);
                trackedRun.logMetric("train.secondsPerStep", seconds / windowSteps, step);
                ProcessMemory.residentBytes()
                        .ifPresent(bytes -> trackedRun.logMetric(RunMetrics.RSS_BYTES.text(), bytes, step));
                LOG.info("{} step {}/{} loss {} lr {} {} s/step ETA {}", plan.name(), step, steps,
                        String.format("%.4f", meanLoss), String.format("%.2e", result.learningRate()),
                        String.format("%.3f", seconds / windowSteps), Durations.format((steps - step) * seconds / windowSteps));
                LossCurve.append(folder, step, meanLoss);
                record = record.withProgress(step, meanLoss, now());
                folder.write(record);
                windowLoss = 0;
                windowSteps = 0;
                windowStart = System.nanoTime();
            }
            if (spec.track().sampleEvery() > 0 && step % spec.track().sampleEvery() == 0 && step < steps) {
                writeGrid(model, dataset, spec, plan.seed(), folder.samples().resolve("step-" + step + ".png"), trackedRun);
            }
            if (spec.track().evaluateEvery() > 0 && step % spec.track().evaluateEvery() == 0 && step < steps) {
                evaluateDuringTraining(plan, spec, folder, trackedRun, dataset, model);
                evaluatedSinceLastLog = true;
            }
            // after this step's evaluation: a run resumed from this checkpoint does not evaluate this step again
            if (step % spec.track().checkpointEvery() == 0 || step == steps) {
                checkpoint(model, configuration, folder, trackedRun);
            }
        }
        return record;
    }

    private void evaluateDuringTraining(RunPlan plan, ExperimentSpec spec, RunFolder folder, TrackedRun trackedRun,
                                        Dataset dataset, GenerativeModel model) throws IOException {
        long step = model.step();
        long started = System.nanoTime();
        Path outputDir = Files.createDirectories(folder.root().resolve("evaluation").resolve("step-" + step));
        ExperimentSpec duringSpec = spec.withEvaluate(spec.track().whileTraining(spec.evaluate()));
        EvaluationResult evaluated = evaluation.evaluate(model, dataset, duringSpec, plan.seed(), outputDir);
        model.releaseInferenceArrays();
        evaluated.metrics().forEach((key, value) -> trackedRun.logMetric(key, value, step));
        EvaluationProgress.append(folder, step, imagesSeen(model, spec), trainFlops(model, spec), evaluated.metrics());
        LOG.info("{} step {}: evaluated in {}: {}", plan.name(), step,
                Durations.format((System.nanoTime() - started) / 1e9), evaluated.metrics());
    }

    private static double imagesSeen(GenerativeModel model, ExperimentSpec spec) {
        return (double) model.step() * spec.train().batch();
    }

    private static double trainFlops(GenerativeModel model, ExperimentSpec spec) {
        return model.trainFlopsPerStep(spec.train().batch()) * model.step();
    }

    private void writeGrid(GenerativeModel model, Dataset dataset, ExperimentSpec spec, long seed, Path file,
                           TrackedRun trackedRun) {
        int classes = dataset.geometry().classes();
        int[] labels = RunSampleGrid.labels(classes);
        SampleRequest request = new SampleRequest(labels, spec.sample().sampler(), spec.sample().guidance(), seed,
                spec.sample().kvCache(), true);
        ImageBatch drawn = model.sample(request);
        ImageGrid.writePng(drawn, classes, RunSampleGrid.SCALE, file);
        trackedRun.logArtifact(file, "samples");
        if (drawn.geometry().frames() > 1) {
            Path gif = file.resolveSibling(file.getFileName().toString().replace(".png", ".gif"));
            ImageGrid.writeGif(drawn, classes, RunSampleGrid.SCALE, GIF_FRAME_MILLIS, gif);
            trackedRun.logArtifact(gif, "samples");
            // a video DiT (one block of every frame) has no frames to roll out from: maxWindowFrames() is 0
            Optional<FrameRollout> rollingOut = model.frameRollout().filter(rollout -> rollout.maxWindowFrames() >= 1);
            if (rollingOut.isPresent() && gif.getFileName().toString().equals("final.gif")) {
                FrameRollout rollout = rollingOut.get();
                int frames = ROLLOUT_LENGTHS * drawn.geometry().frames();
                Path rolloutGif = gif.resolveSibling("rollout.gif");
                SampleRequest cached = new SampleRequest(labels, request.sampler(), request.guidance(), seed, true, true);
                ImageGrid.writeGif(rollout.sampleFrames(cached, frames, rollout.maxWindowFrames()), classes,
                        RunSampleGrid.SCALE, GIF_FRAME_MILLIS, rolloutGif);
                trackedRun.logArtifact(rolloutGif, "samples");
            }
        }
    }

    /** The run's configuration as stored: its resolved keys and, under {@code run.}, where it came from. */
    private Map<String, String> runConfiguration(RunPlan plan, Map<String, String> resolvedValues) {
        Map<String, String> configuration = new LinkedHashMap<>(resolvedValues);
        configuration.put(Experiment.RUN_EXPERIMENT, plan.spec().name());
        configuration.put("run.name", plan.name());
        configuration.put("run.seed", String.valueOf(plan.seed()));
        configuration.put("run.preset", plan.preset());
        configuration.put("run.overrides", String.join("\n", plan.overrides()));
        configuration.put("run.commit", provenance.getOrDefault("git.commit", ""));
        return configuration;
    }

    private TrackedRun openTrackedRun(RunPlan plan, RunRecord record, String parentRunId, Map<String, String> values) {
        if (record.trackerRunId() != null) {
            return new ContinuedRun(tracker.resumeRun(record.trackerRunId()));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("acdit.run", plan.name());
        tags.put("acdit.index", String.valueOf(plan.index()));
        if (!plan.label().isBlank()) {
            tags.put("acdit.label", plan.label());
        }
        TrackedRun run = tracker.startRun(new RunStart(plan.spec().track().experimentName(), plan.name(), parentRunId,
                tags, description(plan)));
        Map<String, String> params = new LinkedHashMap<>(values);
        params.put("seed", String.valueOf(plan.seed()));
        run.logParams(params);
        return run;
    }

    /** The run's MLflow description: its configuration's label and seed, then the experiment's description. */
    private static String description(RunPlan plan) {
        String experiment = plan.spec().description();
        if (plan.label().isBlank()) {
            return experiment;
        }
        String run = plan.label() + ", seed " + plan.seed();
        return experiment.isBlank() ? run : run + "\n\n" + experiment;
    }

    private static <T> T lookup(Map<String, T> registry, String name, String key, String what) {
        T found = registry.get(name);
        if (found == null) {
            throw new IllegalArgumentException(key + ": unknown " + what + " '" + name + "'; known: "
                    + String.join(", ", registry.keySet().stream().sorted().toList()));
        }
        return found;
    }

    private RunRecord planned(RunPlan plan) {
        return planned(plan, now());
    }

    /** The record of a run that has not started: its plan, status PLANNED, created at {@code time}. */
    public static RunRecord planned(RunPlan plan, String time) {
        return RunRecord.builder().experiment(plan.spec().name()).run(plan.name()).index(plan.index()).seed(plan.seed())
                .preset(plan.preset()).assignments(plan.assignments()).status(RunStatus.PLANNED).heartbeat(time)
                .steps(plan.spec().train().steps()).build();
    }

    private String now() {
        return Instant.now(clock).toString();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
