package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.run.LossCurve;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.LossCurvesSpec;

/** Renders {@link LossCurvesSpec}: every run's training loss, finished or not, in one plot ({@link LossPlot}). */
final class LossCurves implements ReportElementRenderer<LossCurvesSpec> {

    @Override
    public void render(List<LossCurvesSpec> specs, ReportRuns runs, ReportPage page) {
        Map<String, List<LossCurve.Point>> curves = new LinkedHashMap<>();
        for (RunRecord run : runs.all()) {
            curves.put(runs.runLabel(run), LossCurve.read(runs.folder(run)));
        }
        Path png = runs.output("loss-curves.png");
        if (LossPlot.write(curves, png)) {
            page.plot(png);
        }
    }
}
