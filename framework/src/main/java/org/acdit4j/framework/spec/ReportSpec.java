package org.acdit4j.framework.spec;

import java.util.List;

/**
 * The report section: plots, the metrics tabulated (empty = every metric) and the metrics followed over
 * training ({@code progress}: plotted against training FLOPs and compared at equal compute), and the
 * per-frame metric families plotted against frame index ({@code byFrame}: {@code m} stands for the metrics
 * {@code m.frame0}, {@code m.frame1}, …).
 */
public record ReportSpec(List<PlotSpec> plots, List<String> metrics, List<String> progress, List<String> byFrame) {

    public ReportSpec {
        plots = List.copyOf(plots);
        metrics = List.copyOf(metrics);
        progress = List.copyOf(progress);
        byFrame = List.copyOf(byFrame);
    }
}
