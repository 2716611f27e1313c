package org.acdit4j.experiments.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.run.RunPlan;

/** Prints the effective configuration once, as a table, and the planned runs with what each sets. */
final class EffectiveConfig {

    private EffectiveConfig() {
    }

    static void print(PrintStream out, Map<String, String> values, List<RunPlan> plans) {
        out.println("effective configuration:");
        values.forEach((key, value) -> out.printf("  %-24s %s%n", key, value));
        out.println("plans:");
        for (RunPlan plan : plans) {
            StringBuilder sets = new StringBuilder();
            plan.assignments().forEach((key, value) -> sets.append(key).append('=').append(value).append(' '));
            out.printf("  [%d] %-32s %sseed=%d%n", plan.index(), plan.name(), sets, plan.seed());
        }
    }
}
