package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acdit4j.framework.run.LossCurve;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Training-loss curves of every run on a log loss axis, each named by its key in the curves (label and seed). */
final class LossPlot {

    private LossPlot() {
    }

    /** Writes the plot; returns false (and writes nothing) when no run has logged a loss. */
    static boolean write(Map<String, List<LossCurve.Point>> curves, Path png) {
        Optional<XYChart> chart = chart(curves);
        chart.ifPresent(drawn -> PlotFile.write(drawn, png));
        return chart.isPresent();
    }

    static Optional<XYChart> chart(Map<String, List<LossCurve.Point>> curves) {
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
        return plotted == 0 ? Optional.empty() : Optional.of(chart);
    }
}
