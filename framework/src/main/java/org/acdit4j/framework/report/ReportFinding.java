package org.acdit4j.framework.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.HeadlineSpec;

/**
 * The two sentences a report opens with: which configuration is best by the headline metric at equal training steps,
 * and which at equal training compute (per group of the equal-compute comparison), each with its mean ± 95% CI and the
 * runner-up's, computed from the tables of the report. Qualified as "one seed, preliminary" when a configuration has
 * a single seed, and as preliminary when the runs are of a preset other than {@code standard}.
 */
final class ReportFinding {

    /** The preset whose runs the report states without reservation, as a blank preset (the body) is. */
    private static final String STANDARD = "standard";

    private ReportFinding() {
    }

    /**
     * @param atEqualSteps  the headline metric's final values per configuration label (one per seed)
     * @param atEqualCompute the headline metric's equal-compute comparisons by group ({@code ""} or
     *                      {@code " within patch 4 (16 tokens)"}); empty when the metric is not followed over training
     * @param finished      the finished runs
     */
    static String render(HeadlineSpec headline, Map<String, List<Double>> atEqualSteps,
                         Map<String, EqualCompute.Comparison> atEqualCompute, List<RunRecord> finished) {
        if (atEqualSteps.values().stream().allMatch(List::isEmpty)) {
            return "No finished run has " + headline.metric() + " yet, so there is no finding.";
        }
        StringBuilder text = new StringBuilder("**Finding** (").append(headline.metric()).append(", ")
                .append(headline.direction().phrase()).append("; ").append(qualifier(atEqualSteps, finished))
                .append("): ").append(steps(finished)).append(", ")
                .append(ranking(headline, atEqualSteps)).append('.');
        List<String> compared = new ArrayList<>();
        atEqualCompute.forEach((group, comparison) -> {
            if (comparison.byConfiguration().values().stream().anyMatch(values -> !values.isEmpty())) {
                String budget = teraFlops(comparison.budgetFlops()) + " of training";
                compared.add(group.isBlank() ? "(" + budget + "), " + ranking(headline, comparison.byConfiguration())
                        : group.strip() + " at " + budget + ", " + ranking(headline, comparison.byConfiguration()));
            }
        });
        if (compared.isEmpty()) {
            text.append(" There is no comparison at equal training compute: ").append(headline.metric())
                    .append(" is not followed over training (report.progress).");
        } else {
            boolean grouped = !atEqualCompute.containsKey("");
            text.append(" At equal training compute").append(grouped ? ", " : " ").append(String.join("; ", compared))
                    .append('.');
        }
        return text.toString();
    }

    /** {@code **AR length 4 (block 4)** is best with 0.66 ± 0.09, ahead of DiT (AR length 1) (0.53 ± 0.05)}. */
    private static String ranking(HeadlineSpec headline, Map<String, List<Double>> byConfiguration) {
        String best = null;
        String second = null;
        for (Map.Entry<String, List<Double>> entry : byConfiguration.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            double mean = mean(entry.getValue());
            if (best == null || headline.direction().better(mean, mean(byConfiguration.get(best)))) {
                second = best;
                best = entry.getKey();
            } else if (second == null || headline.direction().better(mean, mean(byConfiguration.get(second)))) {
                second = entry.getKey();
            }
        }
        MeanWithInterval first = MeanWithInterval.of(byConfiguration.get(best));
        StringBuilder text = new StringBuilder("**").append(best).append("** is best with ").append(first.format());
        if (second == null) {
            return text.append(", the only configuration with a value").toString();
        }
        MeanWithInterval next = MeanWithInterval.of(byConfiguration.get(second));
        text.append(", ahead of ").append(second).append(" (").append(next.format()).append(')');
        if (!Double.isNaN(first.halfWidth()) && !Double.isNaN(next.halfWidth())
                && Math.abs(first.mean() - next.mean()) < first.halfWidth() + next.halfWidth()) {
            text.append(", whose 95% interval overlaps");
        }
        return text.toString();
    }

    /** {@code 3 seeds}, {@code one seed, preliminary} or {@code preset quick, one seed, preliminary}. */
    private static String qualifier(Map<String, List<Double>> atEqualSteps, List<RunRecord> finished) {
        int seeds = atEqualSteps.values().stream().mapToInt(List::size).max().orElse(0);
        Set<String> presets = new TreeSet<>();
        finished.stream().map(RunRecord::preset)
                .filter(preset -> preset != null && !preset.isBlank() && !preset.equals(STANDARD))
                .forEach(presets::add);
        List<String> parts = new ArrayList<>();
        if (!presets.isEmpty()) {
            parts.add("preset " + String.join(", ", presets));
        }
        parts.add(seeds == 1 ? "one seed" : seeds + " seeds");
        if (seeds == 1 || !presets.isEmpty()) {
            parts.add("preliminary");
        }
        return String.join(", ", parts);
    }

    /** {@code at equal training steps (3,000)} or {@code after each configuration's own steps (2,000 to 4,000)}. */
    private static String steps(List<RunRecord> finished) {
        long min = finished.stream().mapToLong(RunRecord::steps).min().orElse(0);
        long max = finished.stream().mapToLong(RunRecord::steps).max().orElse(0);
        return min == max ? String.format("at equal training steps (%,d)", min)
                : String.format("after each configuration's own steps (%,d to %,d)", min, max);
    }

    private static String teraFlops(double flops) {
        return String.format("%.3g TFLOP", flops / 1e12);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
