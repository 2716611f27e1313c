package org.acdit4j.framework.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.run.EvaluationProgress;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.ProgressSpec;

/**
 * A metric of several configurations at one training-compute budget: the largest number of training FLOPs
 * every run reached. Each run's value there is read off its evaluation curve by linear interpolation between
 * the evaluations around the budget; a run without an evaluation at or below it has no value.
 */
final class EqualCompute {

    /** The budget and, per configuration, the interpolated values of its runs (one per seed). */
    record Comparison(double budgetFlops, Map<String, List<Double>> byConfiguration) {
    }

    private EqualCompute() {
    }

    /**
     * The comparisons of {@code metric} over the finished runs, one per value of {@code progress}'s
     * {@code equalComputeWithin} key when it is swept (by group heading, {@code " within patch 4 (16 tokens)"}, in run
     * order), else one under {@code ""}; groups without any run's evaluation are left out.
     */
    static Map<String, Comparison> byGroup(ProgressSpec progress, String metric, ReportRuns runs) {
        String within = runs.sweptKeys().contains(progress.equalComputeWithin()) ? progress.equalComputeWithin() : "";
        Map<String, String> groupByValue = new LinkedHashMap<>();     // value of the key → heading, first run's label
        Map<String, Map<String, List<List<EvaluationProgress.Point>>>> groups = new LinkedHashMap<>();
        for (RunRecord run : runs.finished()) {
            // by the key's value, not its label: a case of another plugin (token-AR at patch 4) describes it otherwise
            String group = within.isBlank() ? "" : groupByValue.computeIfAbsent(run.assignments().get(within),
                    value -> " within " + runs.labels().of(run.assignments(), List.of(within)));
            groups.computeIfAbsent(group, key -> new LinkedHashMap<>())
                    .computeIfAbsent(runs.configuration(run), key -> new ArrayList<>())
                    .add(runs.comparableProgress(run, metric));
        }
        Map<String, Comparison> comparisons = new LinkedHashMap<>();
        groups.forEach((group, curves) -> {
            Comparison comparison = at(curves);
            if (comparison != null) {
                comparisons.put(group, comparison);
            }
        });
        return comparisons;
    }

    /**
     * @param curves per configuration, per run, the run's points of one metric in step order
     * @return null when no run has a point
     */
    static Comparison at(Map<String, List<List<EvaluationProgress.Point>>> curves) {
        double budget = Double.MAX_VALUE;
        boolean any = false;
        for (List<List<EvaluationProgress.Point>> runs : curves.values()) {
            for (List<EvaluationProgress.Point> run : runs) {
                if (!run.isEmpty()) {
                    budget = Math.min(budget, run.get(run.size() - 1).trainFlops());
                    any = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<List<EvaluationProgress.Point>>> configuration : curves.entrySet()) {
            List<Double> atBudget = new ArrayList<>();
            for (List<EvaluationProgress.Point> run : configuration.getValue()) {
                Double value = interpolate(run, budget);
                if (value != null) {
                    atBudget.add(value);
                }
            }
            values.put(configuration.getKey(), atBudget);
        }
        return new Comparison(budget, values);
    }

    /** The value at {@code flops} on the piecewise-linear curve through {@code run}'s points, or null. */
    static Double interpolate(List<EvaluationProgress.Point> run, double flops) {
        for (int i = 0; i < run.size(); i++) {
            EvaluationProgress.Point point = run.get(i);
            if (point.trainFlops() == flops) {
                return point.value();
            }
            if (point.trainFlops() > flops) {
                if (i == 0) {
                    return null;
                }
                EvaluationProgress.Point before = run.get(i - 1);
                double share = (flops - before.trainFlops()) / (point.trainFlops() - before.trainFlops());
                return before.value() + share * (point.value() - before.value());
            }
        }
        return null;
    }
}
