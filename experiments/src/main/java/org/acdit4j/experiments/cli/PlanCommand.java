package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.tracking.TrackerSelection;
import org.acdit4j.tracking.TrackingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
    private final Plugins plugins;

    @Mixin
    ExperimentSelection selection = new ExperimentSelection();

    @Inject
    PlanCommand(ExperimentCatalog catalog, GlobalOptions options, Provider<TrackerSelection> trackers, Plugins plugins) {
        this.catalog = catalog;
        this.options = options;
        this.trackers = trackers;
        this.plugins = plugins;
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        ExperimentDefinition definition = catalog.get(selection.experiment);
        List<RunPlan> plans = SweepPlanner.plan(definition, selection.preset, selection.overrides);
        EffectiveConfig.print(out, definition.resolvedValues(selection.preset, selection.overrides), plans);
        List<String> problems = new ArrayList<>(plugins.preflight().problems(plans));
        try {
            out.println("tracking: " + trackers.get().requireUsable(options.trackingUri()).display());
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

    /** Built when the command runs, after the global options (the data directory) are parsed. */
}
