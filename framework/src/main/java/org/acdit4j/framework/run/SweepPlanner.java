package org.acdit4j.framework.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.dsl.ExperimentBuilder;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.dsl.SpecException;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.SweepAxis;
import org.acdit4j.framework.spec.SweepCase;

/**
 * Expands an experiment's sweep into runs: its cases crossed with the cartesian product of its grid axes
 * (cases outermost, then the first axis),
 * repeated for each seed (seeds outermost, so every configuration gets its first seed early). Indices and
 * names depend only on the spec, so rerunning a sweep never renumbers. Each plan carries its configuration's label,
 * and no two configurations may share one.
 */
public final class SweepPlanner {

    private SweepPlanner() {
    }

    public static List<RunPlan> plan(ExperimentDefinition definition, String preset, List<String> overrides) {
        ExperimentSpec base = definition.spec(preset, overrides);
        List<Map<String, String>> combinations = combinations(base.sweep().cases(), base.sweep().axes());
        List<String> labels = labels(definition.labels(preset, overrides), combinations, definition.name());
        List<RunPlan> plans = new ArrayList<>();
        for (long seed : base.sweep().seeds()) {
            for (int i = 0; i < combinations.size(); i++) {
                Map<String, String> assignment = combinations.get(i);
                ExperimentSpec spec = definition.spec(preset, overrides, assignment);
                plans.add(new RunPlan(plans.size(), runName(assignment, base.sweep().sweptKeys(), seed), labels.get(i), assignment, seed, spec,
                        preset == null ? "" : preset, overrides));
            }
        }
        return plans;
    }

    /** Each combination's label; two combinations with one label are an error naming both. */
    private static List<String> labels(ConfigurationLabels labelling, List<Map<String, String>> combinations,
                                       String experiment) {
        List<String> labels = new ArrayList<>();
        Map<String, Map<String, String>> byLabel = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, String> assignment : combinations) {
            String label = labelling.of(assignment);
            Map<String, String> earlier = byLabel.putIfAbsent(label, assignment);
            if (earlier != null) {
                problems.add("sweep: " + earlier + " and " + assignment + " are both labelled '" + label
                        + "'; give the cases distinct names (c.named(…))");
            }
            labels.add(label);
        }
        if (!problems.isEmpty()) {
            throw new SpecException("experiment '" + experiment + "'", problems);
        }
        return labels;
    }

    /** Every case (in order; none = one empty case) crossed with the grid, first axis outermost. */
    static List<Map<String, String>> combinations(List<SweepCase> cases, List<SweepAxis> axes) {
        List<Map<String, String>> result = new ArrayList<>();
        if (cases.isEmpty()) {
            result.add(new LinkedHashMap<>());
        }
        for (SweepCase c : cases) {
            result.add(new LinkedHashMap<>(c.settings()));
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

    /**
     * {@code blockSize16-patch4-seed0}: the last part of each swept key the run assigns with its value, then the seed;
     * a model plugin appears by its name alone ({@code token-ar-patch4-seed0}).
     */
    static String runName(Map<String, String> assignment, List<String> sweptKeys, long seed) {
        StringBuilder name = new StringBuilder();
        assignment.forEach((key, value) -> {
            if (sweptKeys.contains(key)) {
                boolean model = key.equals(ExperimentBuilder.MODEL_NAME);
                name.append(model ? "" : key.substring(key.lastIndexOf('.') + 1))
                        .append(value.replaceAll(model ? "[^A-Za-z0-9.-]+" : "[^A-Za-z0-9.]+", "_")).append('-');
            }
        });
        return name.append("seed").append(seed).toString();
    }
}
