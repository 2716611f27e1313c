package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A per-frame metric family ({@code m.frame0}, {@code m.frame1}, …) against frame index, one line per configuration. */
final class FramePlot {

    private FramePlot() {
    }

    /**
     * Writes the plot of {@code family} from each configuration's runs' final metrics (mean over seeds); returns false
     * (and writes nothing) when no run reported the family.
     */
    static boolean write(String family, Map<String, List<Map<String, Double>>> runMetrics, Path png) {
        Pattern frameKey = Pattern.compile(Pattern.quote(family) + "\\.frame(\\d+)(/.*)?");
        XYChart chart = new XYChartBuilder().width(720).height(480).title(family + " against frame index")
                .xAxisTitle("frame index").yAxisTitle(family + " (mean over seeds)").build();
        chart.getStyler().setLegendVisible(runMetrics.size() > 1);
        int plotted = 0;
        for (Map.Entry<String, List<Map<String, Double>>> configuration : runMetrics.entrySet()) {
            TreeMap<Integer, double[]> byFrame = new TreeMap<>();              // frame → {Σ value, count}
            for (Map<String, Double> metrics : configuration.getValue()) {
                metrics.forEach((key, value) -> {
                    Matcher m = frameKey.matcher(key);
                    if (m.matches() && Double.isFinite(value)) {
                        double[] sums = byFrame.computeIfAbsent(Integer.parseInt(m.group(1)), frame -> new double[2]);
                        sums[0] += value;
                        sums[1]++;
                    }
                });
            }
            if (byFrame.isEmpty()) {
                continue;
            }
            List<Integer> xs = new ArrayList<>(byFrame.keySet());
            List<Double> ys = byFrame.values().stream().map(sums -> sums[0] / sums[1]).toList();
            chart.addSeries(configuration.getKey(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
            plotted++;
        }
        if (plotted == 0) {
            return false;
        }
        PlotFile.write(chart, png);
        return true;
    }
}
