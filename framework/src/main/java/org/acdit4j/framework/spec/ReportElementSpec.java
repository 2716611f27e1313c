package org.acdit4j.framework.spec;

import java.util.List;

/**
 * One element of a report as the definition declares it: a plot against a swept key ({@link PlotSpec}), the metrics
 * followed over training ({@link ProgressSpec}), plots by configuration ({@link ByConfigurationSpec}) and by frame
 * ({@link ByFrameSpec}), differences paired by seed ({@link PairedSpec}) and against a per-run quantity
 * ({@link PairedAgainstSpec}), loss curves ({@link LossCurvesSpec}) and sample grids ({@link SampleGridsSpec}). The
 * report renders each kind with the renderer registered for its type ({@code org.acdit4j.framework.report}); preflight
 * checks the metric names it reads ({@link #metricsRead}) before anything runs.
 */
public interface ReportElementSpec {

    /** The metrics this element reads, each of which some run must log. */
    MetricsRead metricsRead();

    /**
     * The metric names a report element reads, under the key that declares it ({@code report.plot}), which names the
     * element in preflight's one-line error: {@code metrics} as runs log them ({@code fid/cfg1.5}) and per-frame
     * {@code families} ({@code frame-fid} stands for {@code frame-fid.frame0}, {@code frame-fid.frame1}, …).
     */
    record MetricsRead(String declaredBy, List<MetricName> metrics, List<MetricName> families) {

        public MetricsRead {
            metrics = List.copyOf(metrics);
            families = List.copyOf(families);
        }

        /** The metrics {@code texts}, as the element holds them, read by the element {@code declaredBy} names. */
        public static MetricsRead of(String declaredBy, List<String> texts) {
            return new MetricsRead(declaredBy, texts.stream().map(MetricName::new).toList(), List.of());
        }

        /** The per-frame families {@code texts} read by the element {@code declaredBy} names. */
        public static MetricsRead families(String declaredBy, List<String> texts) {
            return new MetricsRead(declaredBy, List.of(), texts.stream().map(MetricName::new).toList());
        }
    }
}
