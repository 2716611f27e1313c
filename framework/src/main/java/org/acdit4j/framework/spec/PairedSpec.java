package org.acdit4j.framework.spec;

import java.util.List;

/**
 * A comparison of every value of the swept {@code key} with its {@code baseline} value, paired by seed: for each
 * seed (and equal values of the other swept keys) the difference of each of {@code metrics}, summarised over
 * seeds. Runs that differ only in the key start from the same seed, so pairing removes the seed-to-seed spread.
 */
public record PairedSpec(String key, String baseline, List<String> metrics) implements ReportElementSpec {

    public PairedSpec {
        metrics = List.copyOf(metrics);
    }

    @Override
    public MetricsRead metricsRead() {
        return MetricsRead.of("report.pairedBySeed", metrics);
    }
}
