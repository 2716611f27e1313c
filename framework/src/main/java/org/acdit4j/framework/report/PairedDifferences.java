package org.acdit4j.framework.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.PairedSpec;

/**
 * Differences of metrics between runs that differ only in one swept key, paired by seed (see {@link PairedSpec}):
 * for each non-baseline value, metric(value, seed) − metric(baseline, seed), one difference per seed whose two
 * runs both finished with a finite value.
 */
final class PairedDifferences {

    /** One row: a metric, the compared configuration minus its baseline (by label) and the differences by seed. */
    record Row(String metric, String comparison, Map<Long, Double> bySeed) {

        MeanWithInterval summary() {
            return MeanWithInterval.of(List.copyOf(bySeed.values()));
        }
    }

    /** A finished run of a compared value and the baseline run of the same seed and the same other swept values. */
    record Pair(RunRecord run, RunRecord baseline) {

        /** {@code metric} of the run minus that of its baseline, or null when either lacks a finite value. */
        Double difference(String metric) {
            Double measured = run.metrics().get(metric);
            Double reference = baseline.metrics().get(metric);
            return measured == null || reference == null || !Double.isFinite(measured) || !Double.isFinite(reference)
                    ? null : measured - reference;
        }

        /** {@code AR length 4 (block 4) − DiT (AR length 1)}: the two configurations' labels as far as {@code keys} go. */
        String comparison(ConfigurationLabels labels, List<String> keys) {
            return labels.of(run.assignments(), keys) + " − " + labels.of(baseline.assignments(), keys);
        }
    }

    private PairedDifferences() {
    }

    /** The rows for {@code paired} over the finished runs, metrics in the spec's order, comparisons in run order. */
    static List<Row> of(PairedSpec paired, List<RunRecord> finished, ConfigurationLabels labels) {
        List<Pair> pairs = pairs(paired, finished, labels);
        List<Row> rows = new ArrayList<>();
        for (String metric : paired.metrics()) {
            Map<String, Map<Long, Double>> byComparison = new LinkedHashMap<>();
            for (Pair pair : pairs) {
                Double difference = pair.difference(metric);
                if (difference != null) {
                    byComparison.computeIfAbsent(pair.comparison(labels, labels.sweptKeys()), key -> new TreeMap<>())
                            .put(pair.run().seed(), difference);
                }
            }
            byComparison.forEach((comparison, bySeed) -> rows.add(new Row(metric, comparison, bySeed)));
        }
        return rows;
    }

    /** Every finished run of a non-baseline value that has a finished baseline run to pair with, in run order. */
    static List<Pair> pairs(PairedSpec paired, List<RunRecord> finished, ConfigurationLabels labels) {
        List<String> otherKeys = otherKeys(paired, labels);
        Map<String, RunRecord> baselines = new LinkedHashMap<>();
        for (RunRecord run : finished) {
            if (paired.baseline().equals(run.assignments().get(paired.key()))) {
                baselines.put(pairKey(run, otherKeys), run);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (RunRecord run : finished) {
            String value = run.assignments().get(paired.key());
            RunRecord baseline = baselines.get(pairKey(run, otherKeys));
            if (value != null && !value.equals(paired.baseline()) && baseline != null) {
                pairs.add(new Pair(run, baseline));
            }
        }
        return pairs;
    }

    /** The swept keys besides the compared one, whose values a run shares with its baseline. */
    static List<String> otherKeys(PairedSpec paired, ConfigurationLabels labels) {
        return labels.sweptKeys().stream().filter(key -> !key.equals(paired.key())).toList();
    }

    /** The seed and the other swept values: what a run shares with its baseline. */
    private static String pairKey(RunRecord run, List<String> otherKeys) {
        StringBuilder key = new StringBuilder("seed=").append(run.seed());
        otherKeys.forEach(other -> key.append(", ").append(other).append('=').append(run.assignments().get(other)));
        return key.toString();
    }
}
