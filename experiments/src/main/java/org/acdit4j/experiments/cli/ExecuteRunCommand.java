package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.run.Provenance;
import org.acdit4j.framework.run.RunEvaluation;
import org.acdit4j.framework.run.RunBusyException;
import org.acdit4j.framework.run.RunExecutor;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunLauncher;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.TrackerSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code acdit execute-run <experiment> --index i}: trains and evaluates one plan in this process. Started
 * by {@code acdit run} in a child JVM per run; exit code 0 when the run finished, {@link RunLauncher#EXIT_BUSY} when
 * another process trains it.
 */
@Command(name = "execute-run", hidden = true, description = "Run one plan of a sweep in this process (used by acdit run).")
public final class ExecuteRunCommand implements Callable<Integer> {

    private final ExperimentCatalog catalog;
    private final GlobalOptions options;
    private final Provider<Map<String, DatasetFactory>> datasets;
    private final Provider<Map<String, ModelFactory>> models;
    private final Provider<RunEvaluation> evaluation;
    private final Provider<TrackerSelection> trackers;

    @Parameters(index = "0", paramLabel = "EXPERIMENT")
    String experiment;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "0..*")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--preset")
    String preset;

    @Option(names = "--index", required = true)
    int index;

    @Option(names = "--parent-run-id")
    String parentRunId;

    @Inject
    ExecuteRunCommand(ExperimentCatalog catalog, GlobalOptions options, Provider<Map<String, DatasetFactory>> datasets,
                      Provider<Map<String, ModelFactory>> models, Provider<RunEvaluation> evaluation,
                      Provider<TrackerSelection> trackers) {
        this.catalog = catalog;
        this.options = options;
        this.datasets = datasets;
        this.models = models;
        this.evaluation = evaluation;
        this.trackers = trackers;
    }

    @Override
    public Integer call() {
        ExperimentDefinition definition = catalog.get(experiment);
        List<RunPlan> plans = SweepPlanner.plan(definition, preset, overrides);
        if (index < 0 || index >= plans.size()) {
            throw new UsageException("--index " + index + " is not a plan index of " + experiment + " (0.." + (plans.size() - 1) + ")");
        }
        RunPlan plan = plans.get(index);
        RunFolder folder = RunFolder.of(options.runsDir(), experiment, plan.name());
        Path sourceRoot = Path.of(System.getProperty("acdit.home", ""));
        try (Tracker tracker = trackers.get().open(options.trackingUri())) {
            RunExecutor executor = new RunExecutor(datasets.get(), models.get(), evaluation.get(), tracker,
                    Provenance.collect(sourceRoot.toAbsolutePath(), BackendInfo.describe()), Clock.systemUTC());
            RunStatus status = executor.execute(plan, folder, definition.resolvedValues(preset, plan.overrides(), plan.assignments()), parentRunId);
            return status == RunStatus.FINISHED ? 0 : AcditMain.EXIT_FAILURE;
        } catch (RunBusyException e) {
            System.out.println("acdit: " + e.getMessage());
            return RunLauncher.EXIT_BUSY;
        }
    }
}
