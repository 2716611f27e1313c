package org.acdit4j.framework.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acdit4j.framework.spec.ComputeBasis;
import org.acdit4j.framework.spec.RunMetrics;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A paired-by-seed difference against a per-run quantity ({@link PairedAgainst}): one line per series (compared value
 * minus baseline value) through its configurations' mean differences with 95% CI bars, each seed's difference as a
 * small mark of the line's colour, and a line at no difference. The x axis is logarithmic when the quantity spans
 * more than a factor of 4 (widths 32 to 128 are about 13× in parameters).
 */
final class PairedAgainstPlot {

    static final String SEEDS_SUFFIX = ", seeds";

    private PairedAgainstPlot() {
    }

    /** Writes the plot of {@code points} (one metric's); returns false (and writes nothing) when there is none. */
    static boolean write(ComputeBasis basis, String quantity, String metric, List<PairedAgainst.Point> points, Path png) {
        Optional<XYChart> chart = chart(basis, quantity, metric, points);
        chart.ifPresent(drawn -> PlotFile.write(drawn, png));
        return chart.isPresent();
    }

    /** The plot of {@code points} (one metric's), or empty when there is none. */
    static Optional<XYChart> chart(ComputeBasis basis, String quantity, String metric, List<PairedAgainst.Point> points) {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(720).height(480)
                .title(metric + " difference " + basis.phrase() + " vs " + quantity + ", paired by seed")
                .xAxisTitle(quantity + (basis == ComputeBasis.EQUAL_COMPUTE
                        && quantity.equals(RunMetrics.TRAIN_FLOPS.text())
                        ? " (the budget both runs reached)" : " (mean of the compared runs)"))
                .yAxisTitle(metric + " difference (mean, 95% CI; small marks: seeds)").build();
        Map<String, List<PairedAgainst.Point>> bySeries = new LinkedHashMap<>();
        points.forEach(point -> bySeries.computeIfAbsent(point.series(), key -> new ArrayList<>()).add(point));
        Color[] colors = chart.getStyler().getSeriesColors();
        double lowest = 0;
        double highest = 0;
        int index = 0;
        for (Map.Entry<String, List<PairedAgainst.Point>> series : bySeries.entrySet()) {
            List<PairedAgainst.Point> sorted = series.getValue().stream()
                    .sorted(Comparator.comparingDouble(PairedAgainst.Point::quantity)).toList();
            List<Double> xs = new ArrayList<>();
            List<Double> means = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            List<Double> seedXs = new ArrayList<>();
            List<Double> seedValues = new ArrayList<>();
            for (PairedAgainst.Point point : sorted) {
                MeanWithInterval summary = point.summary();
                double error = Double.isNaN(summary.halfWidth()) ? 0.0 : summary.halfWidth();
                xs.add(point.quantity());
                means.add(summary.mean());
                errors.add(error);
                lowest = Math.min(lowest, summary.mean() - error);
                highest = Math.max(highest, summary.mean() + error);
                for (double difference : point.bySeed().values()) {
                    seedXs.add(point.quantity());
                    seedValues.add(difference);
                    lowest = Math.min(lowest, difference);
                    highest = Math.max(highest, difference);
                }
            }
            Color color = colors[index++ % colors.length];
            XYSeries mean = chart.addSeries(series.getKey(), xs, means, errors);
            mean.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(color);
            mean.setLineColor(color);
            XYSeries seeds = chart.addSeries(series.getKey() + SEEDS_SUFFIX, seedXs, seedValues);
            seeds.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            seeds.setMarker(new SeedMarker()).setMarkerColor(color);
        }
        double minX = points.stream().mapToDouble(PairedAgainst.Point::quantity).min().orElseThrow();
        double maxX = points.stream().mapToDouble(PairedAgainst.Point::quantity).max().orElseThrow();
        chart.getStyler().setXAxisLogarithmic(minX > 0 && maxX / minX > 4).setErrorBarsColorSeriesColor(true)
                .setMarkerSize(10).setLegendPosition(Styler.LegendPosition.OutsideS);
        if (highest > lowest) {                                  // the axis reaches 0, where the line marks no difference
            chart.getStyler().setYAxisMin(lowest).setYAxisMax(highest);
        }
        chart.addAnnotation(new AnnotationLine(0, false, false));
        return Optional.of(chart);
    }
}
