package org.acdit4j.framework.spec;

import java.util.List;

/**
 * Per-frame metric families plotted against frame index, one line per configuration (mean over seeds): a family
 * {@code m} stands for the metrics {@code m.frame0}, {@code m.frame1}, … of video evaluators.
 */
public record ByFrameSpec(List<String> families) implements ReportElementSpec {

    public ByFrameSpec {
        families = List.copyOf(families);
    }

    @Override
    public MetricsRead metricsRead() {
        return MetricsRead.families("report.byFrame", families);
    }
}
