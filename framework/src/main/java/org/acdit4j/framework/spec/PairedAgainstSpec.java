package org.acdit4j.framework.spec;

import java.util.stream.Stream;

/**
 * The differences of a paired-by-seed comparison ({@link PairedSpec}) against a per-run quantity: each compared
 * configuration's mean difference over seeds drawn at the mean of {@code quantity} (a metric every run logs, such as
 * {@code parameters} or {@code train.flops}) over the runs compared, one series per compared value of the key. The
 * {@code basis} says whether the runs are compared by their final metrics or at equal training compute; at equal
 * compute both runs of a pair are read at the same FLOPs, so the {@code train.flops} quantity is that budget.
 */
public record PairedAgainstSpec(String quantity, PairedSpec paired, ComputeBasis basis) implements ReportElementSpec {

    @Override
    public MetricsRead metricsRead() {
        return MetricsRead.of("report.pairedBySeedAgainst",
                Stream.concat(Stream.of(quantity), paired.metrics().stream()).toList());
    }
}
