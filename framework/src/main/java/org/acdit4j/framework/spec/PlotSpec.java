package org.acdit4j.framework.spec;

import java.util.List;

/** A report plot: a metric (y) against a swept parameter (x), mean and 95% CI over seeds. */
public record PlotSpec(String metric, String parameter) implements ReportElementSpec {

    @Override
    public MetricsRead metricsRead() {
        return MetricsRead.of("report.plot", List.of(metric));
    }
}
