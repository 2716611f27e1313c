package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.PlotSpec;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A metric against one swept parameter: mean over seeds with 95% CI error bars, one series per value
 * combination of the other swept keys, named by their label ({@code patch 4 (16 tokens)}). A numeric parameter is
 * plotted on a log₂ axis when it spans more than a factor of 8 (block sizes 1…64); a parameter with non-numeric values
 * (RoPE or context modes) as bars in sweep order, each named by the label of its value ({@code no RoPE}).
 */
final class MetricPlot {

    private MetricPlot() {
    }

    /** Writes the plot; returns false (and writes nothing) when no run has the metric. */
    static boolean write(PlotSpec plot, List<RunRecord> runs, ConfigurationLabels labels, Path png) {
        Optional<Chart<?, ?>> chart = chart(plot, runs, labels);
        chart.ifPresent(drawn -> PlotFile.write(drawn, png));
        return chart.isPresent();
    }

    /** The plot, or empty when no run has the metric. */
    static Optional<Chart<?, ?>> chart(PlotSpec plot, List<RunRecord> runs, ConfigurationLabels labels) {
        Map<String, Map<String, List<Double>>> series = new LinkedHashMap<>();   // series → parameter value → values
        Map<String, String> parameterLabels = new LinkedHashMap<>();              // parameter value → label, run order
        List<String> others = labels.sweptKeys().stream().filter(key -> !key.equals(plot.parameter())).toList();
        for (RunRecord run : runs) {
            Double value = run.metrics().get(plot.metric());
            String x = run.assignments().get(plot.parameter());
            if (value == null || !Double.isFinite(value) || x == null) {
                continue;
            }
            String name = others.isEmpty() ? plot.metric() : labels.of(run.assignments(), others);
            series.computeIfAbsent(name, key -> new LinkedHashMap<>()).computeIfAbsent(x, key -> new ArrayList<>()).add(value);
            parameterLabels.putIfAbsent(x, labels.of(run.assignments(), List.of(plot.parameter())));
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parameterLabels.keySet().stream().allMatch(MetricPlot::isNumber) ? numeric(plot, series)
                : categorical(plot, series, parameterLabels));
    }

    private static XYChart numeric(PlotSpec plot, Map<String, Map<String, List<Double>>> series) {
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
        return chart;
    }

    /** Bars with 95% CI error bars, one per parameter value, named by its label (e.g. {@code 1-D RoPE}). */
    private static CategoryChart categorical(PlotSpec plot, Map<String, Map<String, List<Double>>> series,
                                             Map<String, String> parameterLabels) {
        List<String> parameterValues = List.copyOf(parameterLabels.keySet());
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
            chart.addSeries(entry.getKey(), List.copyOf(parameterLabels.values()), ys, errors);
        }
        return chart;
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
}
