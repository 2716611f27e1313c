package org.acdit4j.framework.spec;

import java.util.List;

/**
 * Metrics plotted with one point per configuration, whatever keys it sweeps: the mean over seeds with its 95% CI,
 * each seed as a small mark, the categories named by the configurations' labels in definition order.
 */
public record ByConfigurationSpec(List<String> metrics) implements ReportElementSpec {

    public ByConfigurationSpec {
        metrics = List.copyOf(metrics);
    }

    @Override
    public MetricsRead metricsRead() {
        return MetricsRead.of("report.byConfiguration", metrics);
    }
}
