package org.acdit4j.framework.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;
import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.framework.tracking.Tracker;

/**
 * Runs the selected plans of a sweep, {@code workers} at a time, each through a {@link RunLauncher}, the costliest
 * first by an expected cost (a {@link TrainingCost}; plan order among equals and without one).
 * Finished runs are skipped; unfinished ones resume (the child sees their checkpoint). One parent tracker
 * run holds the sweep; its id is kept in {@code <runs>/<experiment>/sweep.json} so a rerun reuses it. A
 * failed run does not stop the others unless {@code failFast}.
 */
public final class SweepRunner {

    /** The tag of a sweep's parent run. */
    public static final String SWEEP_TAG = "acdit.sweep";
    /** The parent run's tag listing every planned run's name, one per line in plan order (index = line). */
    public static final String PLANNED_RUNS_TAG = "acdit.plannedRuns";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunLauncher launcher;
    private final Tracker tracker;
    private final PrintStream out;
    private final ToDoubleFunction<RunPlan> expectedCost;

    /** Starts the runs in plan order. */
    public SweepRunner(RunLauncher launcher, Tracker tracker, PrintStream out) {
        this(launcher, tracker, out, plan -> 0);
    }

    /** Starts the runs in decreasing {@code expectedCost}, plan order among equals. */
    public SweepRunner(RunLauncher launcher, Tracker tracker, PrintStream out, ToDoubleFunction<RunPlan> expectedCost) {
        this.launcher = launcher;
        this.tracker = tracker;
        this.out = out;
        this.expectedCost = expectedCost;
    }

    /**
     * @param beforeParentEnds called with the parent run and the result after the last run, before the parent is
     *                         ended (to attach the report as its artifacts)
     */
    public SweepResult run(List<RunPlan> plans, Set<Integer> only, int workers, boolean failFast, Path runsRoot,
                           Map<String, String> sweepParams, BiConsumer<TrackedRun, SweepResult> beforeParentEnds)
            throws InterruptedException {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("the sweep has no runs");
        }
        String experiment = plans.get(0).spec().name();
        Path experimentRoot = runsRoot.resolve(experiment);
        TrackedRun parent = openParent(experimentRoot, plans.get(0), sweepParams);
        parent.setTags(Map.of(PLANNED_RUNS_TAG, String.join("\n", plans.stream().map(RunPlan::name).toList())));
        List<RunPlan> selected = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (RunPlan plan : plans) {
            if (!only.isEmpty() && !only.contains(plan.index())) {
                continue;
            }
            RunFolder folder = RunFolder.of(runsRoot, experiment, plan.name());
            if (folder.record().map(record -> record.status() == RunStatus.FINISHED).orElse(false)) {
                skipped.add(plan.name());
                out.printf("[%d] %s: finished earlier, skipped%n", plan.index(), plan.name());
            } else {
                selected.add(plan);
            }
        }
        out.printf("%s: %d run(s) to do, %d skipped, %d worker(s); run folders under %s%n", experiment,
                selected.size(), skipped.size(), workers, experimentRoot);
        List<RunPlan> planOrder = List.copyOf(selected);
        selected.sort(Comparator.comparingDouble(expectedCost).reversed());
        if (workers < selected.size() && !selected.equals(planOrder)) {
            out.println("start order, costliest training first: " + String.join(", ",
                    selected.stream().map(plan -> "[" + plan.index() + "] " + plan.name()).toList()));
        }
        Map<String, RunStatus> outcomes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        AtomicBoolean stop = new AtomicBoolean();
        SweepProgress progress = new SweepProgress(runsRoot, experiment, selected, out);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RunPlan plan : selected) {
                futures.add(pool.submit(() -> {
                    if (stop.get()) {
                        return null;
                    }
                    RunStatus status = trainOnce(plan, RunFolder.of(runsRoot, experiment, plan.name()), parent.runId(),
                            progress);
                    outcomes.put(plan.name(), status);
                    if (status != RunStatus.FINISHED && failFast) {
                        stop.set(true);
                    }
                    return null;
                }));
            }
            progress.watch(futures);
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a run launcher failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        for (RunPlan plan : selected) {
            if (!outcomes.containsKey(plan.name())) {
                out.printf("[%d] %s: not started (--fail-fast after a failure)%n", plan.index(), plan.name());
            }
        }
        SweepResult result = new SweepResult(parent.runId(), outcomes, skipped);
        beforeParentEnds.accept(parent, result);
        if (!result.succeeded() || outcomes.size() < selected.size()) {
            parent.end(RunStatus.FAILED);
        } else if (plans.stream().allMatch(plan -> finished(RunFolder.of(runsRoot, experiment, plan.name())))) {
            parent.end(RunStatus.FINISHED);
        } else {
            out.printf("%s: the sweep stays open: %d of %d planned run(s) not finished yet%n", experiment,
                    plans.stream().filter(plan -> !finished(RunFolder.of(runsRoot, experiment, plan.name()))).count(),
                    plans.size());
        }
        return result;
    }

    /**
     * Trains {@code plan} unless another process does: a run whose {@link RunLock} is held is waited for (with one
     * line), then skipped when that process finished it or trained here when it did not. A trainer that dies without
     * recording its end leaves the run FAILED with its exit code and log ({@link AbandonedRun}).
     */
    private RunStatus trainOnce(RunPlan plan, RunFolder folder, String parentRunId, SweepProgress progress)
            throws InterruptedException {
        long start = System.nanoTime();
        progress.started(plan);
        while (true) {
            Optional<String> holder = RunLock.holder(folder);
            if (holder.isPresent()) {
                out.printf("[%d] %s: being trained by %s; waiting for it to end%n", plan.index(), plan.name(),
                        holder.get());
                RunLock.awaitRelease(folder);
            }
            if (finished(folder)) {
                progress.finished(plan, RunStatus.FINISHED, folder.record().orElse(null),
                        (System.nanoTime() - start) / 1e9, 0);
                return RunStatus.FINISHED;
            }
            int exit = launcher.launch(plan, folder, parentRunId);
            if (exit == RunLauncher.EXIT_BUSY) {
                continue;
            }
            if (exit != 0) {
                AbandonedRun.recordFailure(plan, folder, exit, tracker, Instant.now().toString());
            }
            RunStatus status = folder.record().map(RunRecord::status).orElse(RunStatus.FAILED);
            if (exit != 0 && status == RunStatus.FINISHED) {
                status = RunStatus.FAILED;
            }
            progress.finished(plan, status, folder.record().orElse(null), (System.nanoTime() - start) / 1e9, exit);
            return status;
        }
    }

    private static boolean finished(RunFolder folder) {
        return folder.record().map(record -> record.status() == RunStatus.FINISHED).orElse(false);
    }

    /**
     * Reuses the parent run named in {@code sweep.json} or creates it; a file lock makes concurrent
     * invocations (one per scheduler task) agree on one parent.
     */
    private TrackedRun openParent(Path experimentRoot, RunPlan first, Map<String, String> sweepParams) {
        Path sweepFile = experimentRoot.resolve("sweep.json");
        try {
            Files.createDirectories(experimentRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + experimentRoot, e);
        }
        try (java.nio.channels.FileChannel lockFile = java.nio.channels.FileChannel.open(experimentRoot.resolve(".sweep.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock lock = lockFile.lock()) {
            if (Files.isRegularFile(sweepFile)) {
                String parentId = JSON.readTree(sweepFile.toFile()).path("parentRunId").asText();
                if (!parentId.isEmpty()) {
                    return tracker.resumeRun(parentId);
                }
            }
            TrackedRun parent = tracker.startRun(new RunStart(first.spec().track().experimentName(),
                    first.spec().name() + "-sweep", null, Map.of(SWEEP_TAG, "true"), first.spec().description()));
            parent.logParams(sweepParams);
            AtomicFiles.write(sweepFile, JSON.writeValueAsBytes(Map.of("parentRunId", parent.runId(),
                    "tracking", tracker.describe())));
            return parent;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + sweepFile + ": " + e.getMessage(), e);
        }
    }
}
