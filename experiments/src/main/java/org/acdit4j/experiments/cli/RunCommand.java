package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.acdit4j.experiments.schedule.SchedulerKind;
import org.acdit4j.experiments.schedule.SchedulerScripts;
import org.acdit4j.experiments.schedule.TaskResources;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.ChildJvmLauncher;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.run.SweepResult;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.SweepRunner;
import org.acdit4j.framework.run.TrainingCost;
import org.acdit4j.framework.run.WorkerBudget;
import org.acdit4j.framework.system.RunThreads;
import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.TrackerSelection;
import org.acdit4j.tracking.TrackingException;
import org.acdit4j.tracking.TrackingTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code acdit run <experiment> [key=value…]}: plans the sweep, runs each plan in its own JVM
 * ({@code --workers} at a time), skips finished runs and resumes unfinished ones, then writes the report
 * under {@code results/<experiment>/} and attaches it to the sweep's parent tracker run.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment's sweep (skipping finished runs, resuming unfinished ones) and write its report.")
public final class RunCommand implements Callable<Integer> {

    private final CommandContext context;
    private final ReportWriter reports;

    @Mixin
    ExperimentSelection selection = new ExperimentSelection();

    @Option(names = "--only", split = ",", paramLabel = "I", description = "Run only these plan indices (comma-separated).")
    List<Integer> only = new ArrayList<>();

    @Option(names = "--workers", paramLabel = "N", description = "Runs in parallel, each with ACDIT_THREADS (default: the "
            + "cores) / N threads, at least one, for its training graph's ops, micro-batches and sampling (default: one per core, as many as the available memory holds at the runs' expected "
            + "peak).")
    Integer workers;

    @Option(names = "--fail-fast", description = "Start no further run after a failure.")
    boolean failFast;

    @Option(names = "--from-archive", description = "First restore the finished runs archived beside the report "
            + "(acdit archive) that have no run folder here; they count as finished.")
    boolean fromArchive;

    @Option(names = "--emit", paramLabel = "slurm|k8s", description = "Write a Slurm job-array script or a Kubernetes Indexed Job instead of running.")
    String emit;

    @Option(names = "--task-cpus", paramLabel = "N", description = "With --emit: cores per task (default: "
            + TaskResources.DEFAULT_CPUS + ").")
    int taskCpus = TaskResources.DEFAULT_CPUS;

    @Option(names = "--task-memory", paramLabel = "SIZE", description = "With --emit: memory per task, e.g. 16G or 6000M "
            + "(default: " + TaskResources.DEFAULT_MEMORY + "; half of it is the JVM heap).")
    String taskMemory = TaskResources.DEFAULT_MEMORY;

    @Option(names = "--task-time", paramLabel = "D-HH:MM:SS", description = "With --emit: time limit per task (default: "
            + TaskResources.DEFAULT_TIME + ").")
    String taskTime = TaskResources.DEFAULT_TIME;

    @Inject
    RunCommand(CommandContext context, ReportWriter reports) {
        this.context = context;
        this.reports = reports;
    }

    @Override
    public Integer call() throws InterruptedException {
        GlobalOptions options = context.options();
        PrintStream out = System.out;
        ExperimentDefinition definition = context.catalog().get(selection.experiment);
        List<RunPlan> plans = SweepPlanner.plan(definition, selection.preset, selection.overrides);
        Set<Integer> selected = new LinkedHashSet<>(only);
        for (int index : selected) {
            if (index < 0 || index >= plans.size()) {
                throw new UsageException("--only " + index + " is not a plan index of " + selection.experiment + " (0.." + (plans.size() - 1) + ")");
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            RunThreads.available();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (workers != null && (workers < 1 || workers > cores)) {
            throw new UsageException("--workers " + workers + ": allowed: 1 to " + cores + " (the cores of this machine; "
                    + "each run gets at least one)");
        }
        if (emit != null) {
            SchedulerKind kind = SchedulerKind.parse(emit);
            TaskResources resources = TaskResources.of(taskCpus, taskMemory, taskTime);
            List<Path> files = SchedulerScripts.write(kind, definition, plans, selection.preset, selection.overrides,
                    options, trackingTarget(), resources, System.getenv());
            out.println("wrote " + files.stream().map(Path::toString).collect(Collectors.joining(" and ")) + " ("
                    + plans.size() + " tasks); see docs/CLUSTER.md");
            return 0;
        }
        if (!BackendInfo.cudaJar().isEmpty()) {
            NativeBackend.start();        // a CUDA build on a machine without a GPU stops here, before any run starts
        }
        context.plugins().preflight().check(selection.experiment, plans);
        TrackerSelection store = context.trackers();
        store.requireUsable(options.trackingUri());
        for (RunPlan plan : plans) {
            RunFolder.of(options.runsDir(), selection.experiment, plan.name())
                    .conflictWith(plan.values())
                    .ifPresent(conflict -> {
                        throw new UsageException(conflict + "; pass --runs-dir DIR (and --results-dir) for a separate "
                                + "set of runs, or delete the folder");
                    });
        }
        StoreSwitch storeSwitch = StoreSwitch.check(store, options, selection.experiment, plans, selected);
        if (fromArchive) {
            ArchivedRuns.restore(options, definition, selection, plans, out);
        }
        storeSwitch.rehomeParent(out);
        EffectiveConfig.print(out, definition.resolvedValues(selection.preset, selection.overrides), plans);
        WorkerBudget budget = WorkerBudget.of(plans.stream()
                .map(plan -> RunFolder.of(options.runsDir(), selection.experiment, plan.name())).toList());
        int parallelRuns = workers == null ? budget.defaultWorkers() : workers;
        budget.warning(parallelRuns).ifPresent(out::println);
        int runs = selected.isEmpty() ? plans.size() : selected.size();
        parallelRuns = Math.max(1, Math.min(parallelRuns, runs));                  // fewer runs share the cores among fewer
        RunThreads.oversubscription(RunThreads.available(), parallelRuns, cores).ifPresent(out::println);
        List<String> shared = new ArrayList<>(options.asArguments());
        long start = System.nanoTime();
        try (Tracker tracker = store.open(options.trackingUri())) {
            out.println("tracking: " + tracker.describe());
            SweepRunner runner = new SweepRunner(new ChildJvmLauncher(AcditMain.class.getName(),
                    List.of("execute-run"), shared, parallelRuns), tracker, out,
                    new TrainingCost(context.plugins().datasets(), context.plugins().models())::of);
            SweepResult result = runner.run(plans, selected, parallelRuns, failFast, options.runsDir(),
                    definition.resolvedValues(selection.preset, selection.overrides), (parent, outcome) -> reports.write(definition, selection.preset,
                            selection.overrides, selection.commandLine("run"), (System.nanoTime() - start) / 1e9, parent));
            out.printf("%s: %d finished, %d failed, %d skipped%n", selection.experiment,
                    result.outcomes().size() - result.failures().size(), result.failures().size(), result.skipped().size());
            if (!result.failures().isEmpty()) {
                out.println("failed runs: " + String.join(", ", result.failures()) + " (see their train.log and run.json)");
            }
            return result.succeeded() ? 0 : AcditMain.EXIT_FAILURE;
        }
    }

    /** Where runs are tracked, from --tracking-uri, the environment or the default; a usage error when unusable. */
    private TrackingTarget trackingTarget() {
        try {
            return context.trackers().resolve(context.options().trackingUri());
        } catch (TrackingException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
