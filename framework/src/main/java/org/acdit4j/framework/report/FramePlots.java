package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.ByFrameSpec;

/** Renders {@link ByFrameSpec}: each per-frame metric family against frame index ({@link FramePlot}). */
final class FramePlots implements ReportElementRenderer<ByFrameSpec> {

    @Override
    public void render(List<ByFrameSpec> specs, ReportRuns runs, ReportPage page) {
        Map<String, List<Map<String, Double>>> runMetrics = new LinkedHashMap<>();     // configuration → its runs'
        for (RunRecord run : runs.finished()) {
            runMetrics.computeIfAbsent(runs.configuration(run), key -> new ArrayList<>()).add(run.metrics());
        }
        for (ByFrameSpec byFrame : specs) {
            for (String family : byFrame.families()) {
                Path png = runs.output("by-frame-" + PlotFile.name(family) + ".png");
                if (FramePlot.write(family, runMetrics, png)) {
                    page.plot(png);
                }
            }
        }
    }
}
