package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.List;
import org.acdit4j.framework.spec.PlotSpec;

/** Renders {@link PlotSpec}: a metric against a swept key, mean and 95% CI over seeds ({@link MetricPlot}). */
final class SweptKeyPlots implements ReportElementRenderer<PlotSpec> {

    @Override
    public void render(List<PlotSpec> specs, ReportRuns runs, ReportPage page) {
        for (PlotSpec plot : specs) {
            Path png = runs.output(PlotFile.name(plot.metric()) + "-vs-" + PlotFile.name(plot.parameter()) + ".png");
            if (MetricPlot.write(plot, runs.spec().report().axis(plot.parameter()), runs.finished(), runs.labels(), png)) {
                page.plot(png);
            }
        }
    }
}
