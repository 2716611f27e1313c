package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.run.Preflight;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.tracking.TrackerSelection;
import org.acdit4j.tracking.TrackingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code acdit plan <experiment> [--preset P] [key=value…]}: the plans a {@code run} would start, the effective
 * configuration and the preflight verdict; trains nothing and creates no run folder. Exit 2 when preflight fails.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show an experiment's plans, effective configuration and preflight verdict without running anything.")
public final class PlanCommand implements Callable<Integer> {

    private final ExperimentCatalog catalog;
    private final GlobalOptions options;
    private final Provider<TrackerSelection> trackers;
    private final Preflight preflight;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment name (see acdit list).")
    String experiment;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "0..*", description = "Overrides, e.g. model.depth=6.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--preset", paramLabel = "NAME", description = "A named preset declared by the experiment.")
    String preset;

    @Inject
    PlanCommand(ExperimentCatalog catalog, GlobalOptions options, Provider<TrackerSelection> trackers,
                Map<String, DatasetFactory> datasets, Map<String, ModelFactory> models,
                Map<String, Evaluator> evaluators) {
        this.catalog = catalog;
        this.options = options;
        this.trackers = trackers;
        this.preflight = new Preflight(datasets, models, evaluators);
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        ExperimentDefinition definition = catalog.get(experiment);
        List<RunPlan> plans = SweepPlanner.plan(definition, preset, overrides);
        EffectiveConfig.print(out, definition.resolvedValues(preset, overrides), plans);
        List<String> problems = new ArrayList<>(preflight.problems(plans));
        try {
            out.println("tracking: " + trackers.get().resolve(options.trackingUri()).display());
        } catch (TrackingException e) {
            problems.add("--tracking-uri: " + e.getMessage());
        }
        if (problems.isEmpty()) {
            out.println("preflight: ok (" + plans.size() + " plans)");
            return 0;
        }
        out.println("preflight: " + problems.size() + " problem(s); acdit run would start nothing:");
        problems.forEach(problem -> out.println("  " + problem));
        return AcditMain.EXIT_USAGE;
    }
}
