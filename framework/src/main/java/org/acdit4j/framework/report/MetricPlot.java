package org.acdit4j.framework.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.PlotSpec;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A metric against one swept parameter: mean over seeds with 95% CI error bars, one series per value
 * combination of the other swept keys. A numeric parameter is plotted on a log₂ axis when it spans more
 * than a factor of 8 (block sizes 1…64); a parameter with non-numeric values (RoPE or context modes) as bars in
 * sweep order.
 */
final class MetricPlot {

    private MetricPlot() {
    }

    /** Writes the plot; returns false (and writes nothing) when no run has the metric. */
    static boolean write(PlotSpec plot, List<RunRecord> runs, List<String> sweptKeys, Path png) {
        Map<String, Map<String, List<Double>>> series = new LinkedHashMap<>();   // series → parameter value → values
        List<String> parameterValues = new ArrayList<>();                          // in run order
        for (RunRecord run : runs) {
            Double value = run.metrics().get(plot.metric());
            String x = run.assignments().get(plot.parameter());
            if (value == null || !Double.isFinite(value) || x == null) {
                continue;
            }
            List<String> others = new ArrayList<>();
            for (String key : sweptKeys) {
                if (!key.equals(plot.parameter())) {
                    others.add(key.substring(key.lastIndexOf('.') + 1) + "=" + run.assignments().get(key));
                }
            }
            String name = others.isEmpty() ? plot.metric() : String.join(", ", others);
            series.computeIfAbsent(name, key -> new LinkedHashMap<>()).computeIfAbsent(x, key -> new ArrayList<>()).add(value);
            if (!parameterValues.contains(x)) {
                parameterValues.add(x);
            }
        }
        if (series.isEmpty()) {
            return false;
        }
        if (parameterValues.stream().allMatch(MetricPlot::isNumber)) {
            saveNumeric(plot, series, png);
        } else {
            saveCategorical(plot, series, parameterValues, png);
        }
        return true;
    }

    private static void saveNumeric(PlotSpec plot, Map<String, Map<String, List<Double>>> series, Path png) {
        XYChart chart = new XYChartBuilder().width(720).height(480).title(plot.metric() + " vs " + plot.parameter())
                .xAxisTitle(plot.parameter()).yAxisTitle(plot.metric() + " (mean, 95% CI)").build();
        chart.getStyler().setLegendVisible(series.size() > 1);
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (Map.Entry<String, Map<String, List<Double>>> entry : series.entrySet()) {
            TreeMap<Double, List<Double>> byX = new TreeMap<>();
            entry.getValue().forEach((x, values) -> byX.computeIfAbsent(Double.parseDouble(x), key -> new ArrayList<>())
                    .addAll(values));
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            byX.forEach((x, values) -> {
                MeanWithInterval summary = MeanWithInterval.of(values);
                xs.add(x);
                ys.add(summary.mean());
                errors.add(errorBar(summary));
            });
            minX = Math.min(minX, xs.get(0));
            maxX = Math.max(maxX, xs.get(xs.size() - 1));
            chart.addSeries(entry.getKey(), xs, ys, errors).setMarker(SeriesMarkers.CIRCLE);
        }
        if (minX > 0 && maxX / minX > 8) {
            chart.getStyler().setXAxisLogarithmic(true);
        }
        save(chart, png);
    }

    /** Bars with 95% CI error bars, one per parameter value (e.g. {@code multi-axis}, {@code 1d}, {@code none}). */
    private static void saveCategorical(PlotSpec plot, Map<String, Map<String, List<Double>>> series,
                                        List<String> parameterValues, Path png) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(480)
                .title(plot.metric() + " vs " + plot.parameter()).xAxisTitle(plot.parameter())
                .yAxisTitle(plot.metric() + " (mean, 95% CI)").build();
        chart.getStyler().setLegendVisible(series.size() > 1);
        for (Map.Entry<String, Map<String, List<Double>>> entry : series.entrySet()) {
            List<Double> ys = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String x : parameterValues) {
                List<Double> values = entry.getValue().get(x);
                MeanWithInterval summary = values == null ? null : MeanWithInterval.of(values);
                ys.add(summary == null ? null : summary.mean());
                errors.add(summary == null ? null : errorBar(summary));
            }
            chart.addSeries(entry.getKey(), parameterValues, ys, errors);
        }
        save(chart, png);
    }

    private static double errorBar(MeanWithInterval summary) {
        return Double.isNaN(summary.halfWidth()) ? 0.0 : summary.halfWidth();
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static void save(Chart<?, ?> chart, Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(png.toAbsolutePath().getParent(), ".plot", ".png");
            BitmapEncoder.saveBitmap(chart, temporary.toString(), BitmapEncoder.BitmapFormat.PNG);
            Files.move(temporary, png, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
