package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.run.LossCurve;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Training-loss curves of every run on a log loss axis. */
final class LossPlot {

    private LossPlot() {
    }

    static boolean write(Map<String, List<LossCurve.Point>> curves, Path png) {
        XYChart chart = new XYChartBuilder().width(720).height(480).title("training loss")
                .xAxisTitle("step").yAxisTitle("loss (window mean)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(curves.size() <= 16);
        int plotted = 0;
        for (Map.Entry<String, List<LossCurve.Point>> curve : curves.entrySet()) {
            List<LossCurve.Point> points = curve.getValue().stream().filter(point -> point.loss() > 0).toList();
            if (points.isEmpty()) {
                continue;
            }
            chart.addSeries(curve.getKey(), points.stream().map(point -> (double) point.step()).toList(),
                    points.stream().map(LossCurve.Point::loss).toList()).setMarker(SeriesMarkers.NONE);
            plotted++;
        }
        if (plotted == 0) {
            return false;
        }
        MetricPlot.save(chart, png);
        return true;
    }
}
