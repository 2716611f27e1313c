package org.acdit4j.experiments.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.run.RunPlan;

/** Prints the effective configuration once, as a table, and the planned runs with what each sets and its label. */
final class EffectiveConfig {

    private EffectiveConfig() {
    }

    static void print(PrintStream out, Map<String, String> values, List<RunPlan> plans) {
        out.println("effective configuration:");
        values.forEach((key, value) -> out.printf("  %-24s %s%n", key, value));
        out.println("plans:");
        List<String> sets = plans.stream().map(EffectiveConfig::sets).toList();
        int width = sets.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < plans.size(); i++) {
            RunPlan plan = plans.get(i);
            out.println(String.format("  [%d] %-32s %-" + width + "s  %s", plan.index(), plan.name(), sets.get(i),
                    plan.label()).stripTrailing());
        }
    }

    /** {@code model.patch=4 model.blockSize=16 seed=0}: what a plan sets. */
    private static String sets(RunPlan plan) {
        StringBuilder sets = new StringBuilder();
        plan.assignments().forEach((key, value) -> sets.append(key).append('=').append(value).append(' '));
        return sets.append("seed=").append(plan.seed()).toString();
    }
}
