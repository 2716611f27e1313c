package org.acdit4j.framework.spec;

import java.util.List;

/**
 * The runs' final samples: every configuration's first seed side by side at the top of the report, and each run's
 * grid drawn again as a labelled sheet (its GIFs copied as they are); every report has them.
 */
public record SampleGridsSpec() implements ReportElementSpec {

    @Override
    public MetricsRead metricsRead() {
        return MetricsRead.of("report.sampleGrids", List.of());
    }
}
