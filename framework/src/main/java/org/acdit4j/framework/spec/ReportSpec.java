package org.acdit4j.framework.spec;

import java.util.List;

/** The report section: plots and the metrics tabulated (empty = every metric). */
public record ReportSpec(List<PlotSpec> plots, List<String> metrics) {

    public ReportSpec {
        plots = List.copyOf(plots);
        metrics = List.copyOf(metrics);
    }
}
