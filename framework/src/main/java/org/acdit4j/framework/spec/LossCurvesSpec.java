package org.acdit4j.framework.spec;

import java.util.List;

/** The training loss of every run against its step, one line per run; every report has them. */
public record LossCurvesSpec() implements ReportElementSpec {

    @Override
    public MetricsRead metricsRead() {
        return MetricsRead.of("report.lossCurves", List.of());
    }
}
