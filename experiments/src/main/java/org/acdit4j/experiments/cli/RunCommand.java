package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.acdit4j.experiments.schedule.SchedulerScripts;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.ChildJvmLauncher;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.run.SweepResult;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.run.Preflight;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.SweepRunner;
import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.TrackerSelection;
import org.acdit4j.tracking.TrackingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code acdit run <experiment> [key=value…]}: plans the sweep, runs each plan in its own JVM
 * ({@code --workers} at a time), skips finished runs and resumes unfinished ones, then writes the report
 * under {@code results/<experiment>/} and attaches it to the sweep's parent tracker run.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment's sweep (skipping finished runs, resuming unfinished ones) and write its report.")
public final class RunCommand implements Callable<Integer> {

    private final ExperimentCatalog catalog;
    private final GlobalOptions options;
    private final Provider<TrackerSelection> trackers;
    private final ReportWriter reports;
    private final Preflight preflight;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment name (see acdit list).")
    String experiment;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "0..*", description = "Overrides, e.g. model.depth=6.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--preset", paramLabel = "NAME", description = "A named set of overrides declared by the experiment.")
    String preset;

    @Option(names = "--only", split = ",", paramLabel = "I", description = "Run only these plan indices (comma-separated).")
    List<Integer> only = new ArrayList<>();

    @Option(names = "--workers", paramLabel = "N", description = "Runs in parallel, each single-threaded (default: the number of cores).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--fail-fast", description = "Start no further run after a failure.")
    boolean failFast;

    @Option(names = "--emit", paramLabel = "slurm|k8s", description = "Write a Slurm job-array script or a Kubernetes Indexed Job instead of running.")
    String emit;

    @Inject
    RunCommand(ExperimentCatalog catalog, GlobalOptions options, Provider<TrackerSelection> trackers, ReportWriter reports,
               Map<String, Evaluator> evaluators, Map<String, DatasetFactory> datasets, Map<String, ModelFactory> models) {
        this.preflight = new Preflight(datasets, models, evaluators);
        this.catalog = catalog;
        this.options = options;
        this.trackers = trackers;
        this.reports = reports;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        ExperimentDefinition definition = catalog.get(experiment);
        List<RunPlan> plans = SweepPlanner.plan(definition, preset, overrides);
        Set<Integer> selected = new LinkedHashSet<>(only);
        for (int index : selected) {
            if (index < 0 || index >= plans.size()) {
                throw new UsageException("--only " + index + " is not a plan index of " + experiment + " (0.." + (plans.size() - 1) + ")");
            }
        }
        if (workers < 1) {
            throw new UsageException("--workers must be at least 1, got " + workers);
        }
        if (emit != null) {
            Path script = SchedulerScripts.write(emit, definition, plans, preset, overrides, options);
            out.println("wrote " + script + " (" + plans.size() + " tasks); see docs/EXPERIMENTS.md, \"Scaling out\"");
            return 0;
        }
        preflight.check(experiment, plans);
        try {
            trackers.get().resolve(options.trackingUri());
        } catch (TrackingException e) {
            throw new UsageException(e.getMessage());
        }
        for (RunPlan plan : plans) {
            RunFolder.of(options.runsDir(), experiment, plan.name())
                    .conflictWith(definition.resolvedValues(preset, plan.overrides(), plan.assignments()))
                    .ifPresent(conflict -> {
                        throw new UsageException(conflict + "; pass --runs-dir DIR (and --results-dir) for a separate "
                                + "set of runs, or delete the folder");
                    });
        }
        EffectiveConfig.print(out, definition.resolvedValues(preset, overrides), plans);
        List<String> shared = new ArrayList<>(options.asArguments());
        if (preset != null) {
            shared.addAll(List.of("--preset", preset));
        }
        shared.addAll(overrides);
        long start = System.nanoTime();
        try (Tracker tracker = trackers.get().open(options.trackingUri())) {
            out.println("tracking: " + tracker.describe());
            SweepRunner runner = new SweepRunner(new ChildJvmLauncher(AcditMain.class.getName(),
                    List.of("execute-run", experiment), shared), tracker, out);
            SweepResult result = runner.run(plans, selected, workers, failFast, options.runsDir(),
                    definition.resolvedValues(preset, overrides), (parent, outcome) -> reports.write(definition, preset,
                            overrides, commandLine(), (System.nanoTime() - start) / 1e9, parent));
            out.printf("%s: %d finished, %d failed, %d skipped%n", experiment,
                    result.outcomes().size() - result.failures().size(), result.failures().size(), result.skipped().size());
            if (!result.failures().isEmpty()) {
                out.println("failed runs: " + String.join(", ", result.failures()) + " (see their train.log and run.json)");
            }
            return result.succeeded() ? 0 : AcditMain.EXIT_FAILURE;
        }
    }

    private String commandLine() {
        StringBuilder command = new StringBuilder("./acdit run ").append(experiment);
        if (preset != null) {
            command.append(" --preset ").append(preset);
        }
        for (String override : overrides) {
            command.append(' ').append(override);
        }
        return command.toString();
    }
}
