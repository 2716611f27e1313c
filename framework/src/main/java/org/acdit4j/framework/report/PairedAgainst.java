package org.acdit4j.framework.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.PairedAgainstSpec;

/**
 * Differences paired by seed ({@link PairedDifferences}) placed against a per-run quantity (see
 * {@link PairedAgainstSpec}): one point per compared configuration and metric, at the mean of the quantity over the
 * runs of its pairs, both sides; a pair counts when both runs have finite values of the metric and of the quantity.
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

    /** The points of {@code comparison} over the finished runs: metrics in the spec's order, configurations in run order. */
    static List<Point> of(PairedAgainstSpec comparison, List<RunRecord> finished, ConfigurationLabels labels) {
        List<PairedDifferences.Pair> pairs = PairedDifferences.pairs(comparison.paired(), finished, labels);
        List<String> compared = List.of(comparison.paired().key());
        List<String> others = PairedDifferences.otherKeys(comparison.paired(), labels);
        List<Point> points = new ArrayList<>();
        for (String metric : comparison.paired().metrics()) {
            Map<String, List<PairedDifferences.Pair>> byConfiguration = new LinkedHashMap<>();
            for (PairedDifferences.Pair pair : pairs) {
                if (pair.difference(metric) != null && finite(pair.run(), comparison.quantity())
                        && finite(pair.baseline(), comparison.quantity())) {
                    byConfiguration.computeIfAbsent(pair.comparison(labels, labels.sweptKeys()), key -> new ArrayList<>())
                            .add(pair);
                }
            }
            for (List<PairedDifferences.Pair> configuration : byConfiguration.values()) {
                Map<Long, Double> bySeed = new TreeMap<>();
                double quantitySum = 0;
                for (PairedDifferences.Pair pair : configuration) {
                    bySeed.put(pair.run().seed(), pair.difference(metric));
                    quantitySum += pair.run().metrics().get(comparison.quantity())
                            + pair.baseline().metrics().get(comparison.quantity());
                }
                PairedDifferences.Pair first = configuration.get(0);
                points.add(new Point(metric, first.comparison(labels, compared),
                        others.isEmpty() ? "" : labels.of(first.run().assignments(), others),
                        quantitySum / (2.0 * configuration.size()), bySeed));
            }
        }
        return points;
    }

    private static boolean finite(RunRecord run, String metric) {
        Double value = run.metrics().get(metric);
        return value != null && Double.isFinite(value);
    }
}
