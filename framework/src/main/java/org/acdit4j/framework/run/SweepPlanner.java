package org.acdit4j.framework.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.dsl.ExperimentBuilder;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.dsl.ResolvedConfiguration;
import org.acdit4j.framework.dsl.ResolvedSweep;
import org.acdit4j.framework.dsl.SpecException;
import org.acdit4j.framework.spec.SweepAxis;
import org.acdit4j.framework.spec.SweepCase;
import org.acdit4j.framework.spec.SweepSpec;

/**
 * Expands an experiment's sweep into runs: its cases crossed with the cartesian product of its grid axes
 * (cases outermost, then the first axis),
 * repeated for each seed (seeds outermost, so every configuration gets its first seed early). Indices and
 * names depend only on the spec, so rerunning a sweep never renumbers. Each plan carries its configuration's label,
 * and no two configurations may share one, its resolved spec and values.
 */
public final class SweepPlanner {

    private SweepPlanner() {
    }

    /**
     * The runs of {@code definition}'s sweep under {@code preset} ({@code null} for none) and {@code overrides}. The
     * recipe runs once per configuration and once more for the cases ({@link ResolvedSweep}).
     */
    public static List<RunPlan> plan(ExperimentDefinition definition, String preset, List<String> overrides) {
        ResolvedSweep sweep = definition.sweep(preset, overrides);
        SweepSpec spec = sweep.spec().sweep();
        List<Map<String, String>> combinations = combinations(spec.cases(), spec.axes());
        List<ResolvedConfiguration> configurations = combinations.stream().map(sweep::configuration).toList();
        requireDistinctLabels(combinations, configurations, definition.name());
        List<RunPlan> plans = new ArrayList<>();
        for (long seed : spec.seeds()) {
            for (int i = 0; i < combinations.size(); i++) {
                Map<String, String> assignment = combinations.get(i);
                ResolvedConfiguration configuration = configurations.get(i);
                plans.add(new RunPlan(plans.size(), runName(assignment, spec.sweptKeys(), seed), configuration.label(),
                        assignment, seed, configuration.spec(), configuration.values(), preset == null ? "" : preset,
                        overrides));
            }
        }
        return plans;
    }

    /** Two combinations with one label are an error naming both. */
    private static void requireDistinctLabels(List<Map<String, String>> combinations,
                                              List<ResolvedConfiguration> configurations, String experiment) {
        Map<String, Map<String, String>> byLabel = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            String label = configurations.get(i).label();
            Map<String, String> earlier = byLabel.putIfAbsent(label, combinations.get(i));
            if (earlier != null) {
                problems.add("sweep: " + earlier + " and " + combinations.get(i) + " are both labelled '" + label
                        + "'; give the cases distinct names (c.named(…))");
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException("experiment '" + experiment + "'", problems);
        }
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
