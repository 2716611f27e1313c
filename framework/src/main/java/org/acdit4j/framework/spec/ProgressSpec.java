package org.acdit4j.framework.spec;

import java.util.List;
import java.util.Objects;

/**
 * Metrics followed over training (needs {@code track.evaluateEvery}): each plotted against training FLOPs per
 * configuration and compared at the largest training compute every run reached. {@code equalComputeWithin} names a
 * swept key whose values form separate equal-compute comparisons (e.g. {@code model.patch}, when patch sizes differ
 * several-fold in cost); blank, or a key that is not swept, makes one comparison.
 */
public record ProgressSpec(List<String> metrics, String equalComputeWithin) implements ReportElementSpec {

    public ProgressSpec {
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(equalComputeWithin, "equalComputeWithin");
    }

    @Override
    public MetricsRead metricsRead() {
        return MetricsRead.of("report.progress", metrics);
    }
}
