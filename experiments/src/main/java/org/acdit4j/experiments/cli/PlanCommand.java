package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
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

    private final CommandContext context;

    @Mixin
    ExperimentSelection selection = new ExperimentSelection();

    @Inject
    PlanCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        ExperimentDefinition definition = context.catalog().get(selection.experiment);
        List<RunPlan> plans = SweepPlanner.plan(definition, selection.preset, selection.overrides);
        EffectiveConfig.print(out, definition.resolvedValues(selection.preset, selection.overrides), plans);
        List<String> problems = new ArrayList<>(context.plugins().preflight().problems(plans));
        try {
            out.println("tracking: " + context.trackers().requireUsable(context.options().trackingUri()).display());
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
