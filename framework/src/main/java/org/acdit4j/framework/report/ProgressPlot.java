package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.acdit4j.framework.run.EvaluationProgress;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A metric over training: one line per configuration (mean over its runs at each step) against training FLOPs. */
final class ProgressPlot {

    private ProgressPlot() {
    }

    /** Writes the plot; returns false (and writes nothing) when no run has a point. */
    static boolean write(String metric, Map<String, List<List<EvaluationProgress.Point>>> curves, Path png) {
        Optional<XYChart> chart = chart(metric, curves);
        chart.ifPresent(drawn -> PlotFile.write(drawn, png));
        return chart.isPresent();
    }

    /** The plot, one line per configuration named by its key in {@code curves}, or empty when no run has a point. */
    static Optional<XYChart> chart(String metric, Map<String, List<List<EvaluationProgress.Point>>> curves) {
        XYChart chart = new XYChartBuilder().width(720).height(480).title(metric + " over training")
                .xAxisTitle("training compute (TFLOP)").yAxisTitle(metric + " (mean over seeds)").build();
        chart.getStyler().setLegendVisible(curves.size() > 1);
        int plotted = 0;
        for (Map.Entry<String, List<List<EvaluationProgress.Point>>> configuration : curves.entrySet()) {
            TreeMap<Long, double[]> byStep = new TreeMap<>();          // step → {Σ flops, Σ value, count}
            for (List<EvaluationProgress.Point> run : configuration.getValue()) {
                for (EvaluationProgress.Point point : run) {
                    double[] sums = byStep.computeIfAbsent(point.step(), step -> new double[3]);
                    sums[0] += point.trainFlops();
                    sums[1] += point.value();
                    sums[2]++;
                }
            }
            if (byStep.isEmpty()) {
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            byStep.values().forEach(sums -> {
                xs.add(sums[0] / sums[2] / 1e12);
                ys.add(sums[1] / sums[2]);
            });
            chart.addSeries(configuration.getKey(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
            plotted++;
        }
        return plotted == 0 ? Optional.empty() : Optional.of(chart);
    }
}
