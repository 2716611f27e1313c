package org.acdit4j.framework.spec;

import java.util.List;

/**
 * The report section: plots, the metrics tabulated (empty = every metric) and the metrics followed over
 * training ({@code progress}: plotted against training FLOPs and compared at equal compute).
 */
public record ReportSpec(List<PlotSpec> plots, List<String> metrics, List<String> progress) {

    public ReportSpec {
        plots = List.copyOf(plots);
        metrics = List.copyOf(metrics);
        progress = List.copyOf(progress);
    }
}
