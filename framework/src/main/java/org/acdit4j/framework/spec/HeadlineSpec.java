package org.acdit4j.framework.spec;

import java.util.Objects;

/**
 * The metric a report's opening finding ranks the configurations by, at equal training steps and, when the metric is
 * followed over training ({@code report.progress}), at equal training compute; one of the metrics the report declares.
 */
public record HeadlineSpec(String metric, MetricDirection direction) {

    public HeadlineSpec {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
    }
}
