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

    private PairedDifferences() {
    }

    /** The rows for {@code paired} over the finished runs, metrics in the spec's order, comparisons in run order. */
    static List<Row> of(PairedSpec paired, List<RunRecord> finished, ConfigurationLabels labels) {
        List<String> otherKeys = labels.sweptKeys().stream().filter(key -> !key.equals(paired.key())).toList();
        Map<String, RunRecord> baselines = new LinkedHashMap<>();
        for (RunRecord run : finished) {
            if (paired.baseline().equals(run.assignments().get(paired.key()))) {
                baselines.put(pairKey(run, otherKeys), run);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String metric : paired.metrics()) {
            Map<String, Map<Long, Double>> byComparison = new LinkedHashMap<>();
            for (RunRecord run : finished) {
                String value = run.assignments().get(paired.key());
                RunRecord baseline = baselines.get(pairKey(run, otherKeys));
                if (value == null || value.equals(paired.baseline()) || baseline == null) {
                    continue;
                }
                Double measured = run.metrics().get(metric);
                Double reference = baseline.metrics().get(metric);
                if (measured == null || reference == null || !Double.isFinite(measured) || !Double.isFinite(reference)) {
                    continue;
                }
                byComparison.computeIfAbsent(labels.of(run.assignments()) + " − " + labels.of(baseline.assignments()),
                                key -> new TreeMap<>())
                        .put(run.seed(), measured - reference);
            }
            byComparison.forEach((comparison, bySeed) -> rows.add(new Row(metric, comparison, bySeed)));
        }
        return rows;
    }

    /** The seed and the other swept values: what a run shares with its baseline. */
    private static String pairKey(RunRecord run, List<String> otherKeys) {
        StringBuilder key = new StringBuilder("seed=").append(run.seed());
        otherKeys.forEach(other -> key.append(", ").append(other).append('=').append(run.assignments().get(other)));
        return key.toString();
    }
}
