package org.acdit4j.framework.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.run.EvaluationProgress;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.ComputeBasis;
import org.acdit4j.framework.spec.PairedAgainstSpec;
import org.acdit4j.framework.spec.RunMetrics;

/**
 * Differences paired by seed ({@link PairedDifferences}) placed against a per-run quantity (see
 * {@link PairedAgainstSpec}): one point per compared configuration and metric, at the mean of the quantity over the
 * runs of its pairs, both sides; a pair counts when both runs have finite values of the metric and of the quantity.
 * At equal compute a pair's difference is read on the two runs' evaluation curves at the largest training FLOPs both
 * reached ({@link EqualCompute#interpolate}), and its {@code train.flops} is that budget.
 */
final class PairedAgainst {

    /**
     * One compared configuration: the metric, the series it belongs to (the compared value minus the baseline value,
     * e.g. {@code AR length 4 (block 4) − DiT (AR length 1)}), the label of its other swept values ({@code width 64}),
     * the quantity's mean over its runs and the differences by seed.
     */
    record Point(String metric, String series, String at, double quantity, Map<Long, Double> bySeed) {

        MeanWithInterval summary() {
            return MeanWithInterval.of(List.copyOf(bySeed.values()));
        }
    }

    private PairedAgainst() {
    }

    /** One pair's difference of a metric and its value of the quantity. */
    private record Reading(long seed, double difference, double quantity) {
    }

    /**
     * The points of {@code comparison} over the finished runs: metrics in the spec's order, configurations in run
     * order; {@code curves} are read at equal compute only.
     */
    static List<Point> of(PairedAgainstSpec comparison, List<RunRecord> finished, ConfigurationLabels labels,
                          ProgressCurves curves) {
        List<PairedDifferences.Pair> pairs = PairedDifferences.pairs(comparison.paired(), finished, labels);
        List<String> compared = List.of(comparison.paired().key());
        List<String> others = PairedDifferences.otherKeys(comparison.paired(), labels);
        List<Point> points = new ArrayList<>();
        for (String metric : comparison.paired().metrics()) {
            Map<String, List<Reading>> byConfiguration = new LinkedHashMap<>();
            Map<String, PairedDifferences.Pair> firstPair = new LinkedHashMap<>();
            for (PairedDifferences.Pair pair : pairs) {
                Reading reading = comparison.basis() == ComputeBasis.EQUAL_COMPUTE
                        ? atEqualCompute(pair, metric, comparison.quantity(), curves)
                        : atEqualSteps(pair, metric, comparison.quantity());
                if (reading != null) {
                    String configuration = pair.comparison(labels, labels.sweptKeys());
                    byConfiguration.computeIfAbsent(configuration, key -> new ArrayList<>()).add(reading);
                    firstPair.putIfAbsent(configuration, pair);
                }
            }
            byConfiguration.forEach((configuration, readings) -> {
                Map<Long, Double> bySeed = new TreeMap<>();
                readings.forEach(reading -> bySeed.put(reading.seed(), reading.difference()));
                PairedDifferences.Pair first = firstPair.get(configuration);
                points.add(new Point(metric, first.comparison(labels, compared),
                        others.isEmpty() ? "" : labels.of(first.run().assignments(), others),
                        readings.stream().mapToDouble(Reading::quantity).average().orElseThrow(), bySeed));
            });
        }
        return points;
    }

    /** The final metrics' difference, at the mean of the two runs' quantity; null unless all four are finite. */
    private static Reading atEqualSteps(PairedDifferences.Pair pair, String metric, String quantity) {
        Double difference = pair.difference(metric);
        if (difference == null || !finite(pair.run(), quantity) || !finite(pair.baseline(), quantity)) {
            return null;
        }
        return new Reading(pair.run().seed(), difference, meanQuantity(pair, quantity));
    }

    /**
     * The difference on the two evaluation curves at the largest FLOPs both reached; null when either run has no
     * evaluation at or below that budget, or (for a quantity other than the budget) no finite quantity.
     */
    private static Reading atEqualCompute(PairedDifferences.Pair pair, String metric, String quantity,
                                          ProgressCurves curves) {
        List<EvaluationProgress.Point> compared = curves.of(pair.run(), metric);
        List<EvaluationProgress.Point> baseline = curves.of(pair.baseline(), metric);
        if (compared.isEmpty() || baseline.isEmpty()) {
            return null;
        }
        double budget = Math.min(compared.get(compared.size() - 1).trainFlops(),
                baseline.get(baseline.size() - 1).trainFlops());
        Double comparedValue = EqualCompute.interpolate(compared, budget);
        Double baselineValue = EqualCompute.interpolate(baseline, budget);
        boolean budgetIsQuantity = quantity.equals(RunMetrics.TRAIN_FLOPS.text());
        if (comparedValue == null || baselineValue == null
                || !budgetIsQuantity && (!finite(pair.run(), quantity) || !finite(pair.baseline(), quantity))) {
            return null;
        }
        return new Reading(pair.run().seed(), comparedValue - baselineValue,
                budgetIsQuantity ? budget : meanQuantity(pair, quantity));
    }

    private static double meanQuantity(PairedDifferences.Pair pair, String quantity) {
        return (pair.run().metrics().get(quantity) + pair.baseline().metrics().get(quantity)) / 2.0;
    }

    private static boolean finite(RunRecord run, String metric) {
        Double value = run.metrics().get(metric);
        return value != null && Double.isFinite(value);
    }
}
