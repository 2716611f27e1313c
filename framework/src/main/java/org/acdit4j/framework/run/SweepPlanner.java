package org.acdit4j.framework.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.SweepAxis;

/**
 * Expands an experiment's sweep into runs: its cases crossed with the cartesian product of its grid axes
 * (cases outermost, then the first axis),
 * repeated for each seed (seeds outermost, so every configuration gets its first seed early). Indices and
 * names depend only on the spec, so rerunning a sweep never renumbers.
 */
public final class SweepPlanner {

    private SweepPlanner() {
    }

    public static List<RunPlan> plan(ExperimentDefinition definition, String preset, List<String> overrides) {
        ExperimentSpec base = definition.spec(preset, overrides);
        List<Map<String, String>> combinations = combinations(base.sweep().cases(), base.sweep().axes());
        List<RunPlan> plans = new ArrayList<>();
        for (long seed : base.sweep().seeds()) {
            for (Map<String, String> assignment : combinations) {
                ExperimentSpec spec = definition.spec(preset, overrides, assignment);
                plans.add(new RunPlan(plans.size(), runName(assignment, seed), assignment, seed, spec,
                        preset == null ? "" : preset, overrides));
            }
        }
        return plans;
    }

    /** Every case (in order; none = one empty case) crossed with the grid, first axis outermost. */
    static List<Map<String, String>> combinations(List<Map<String, String>> cases, List<SweepAxis> axes) {
        List<Map<String, String>> result = new ArrayList<>();
        if (cases.isEmpty()) {
            result.add(new LinkedHashMap<>());
        }
        for (Map<String, String> c : cases) {
            result.add(new LinkedHashMap<>(c));
        }
        for (SweepAxis axis : axes) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> partial : result) {
                for (String value : axis.values()) {
                    Map<String, String> next = new LinkedHashMap<>(partial);
                    next.put(axis.key(), value);
                    extended.add(next);
                }
            }
            result = extended;
        }
        return result;
    }

    /** {@code blockSize16-patch4-seed0}: the last part of each swept key with its value, then the seed. */
    static String runName(Map<String, String> assignment, long seed) {
        StringBuilder name = new StringBuilder();
        assignment.forEach((key, value) -> name.append(key.substring(key.lastIndexOf('.') + 1))
                .append(value.replaceAll("[^A-Za-z0-9.]+", "_")).append('-'));
        return name.append("seed").append(seed).toString();
    }
}
