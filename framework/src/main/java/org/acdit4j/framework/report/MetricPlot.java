package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.PlotSpec;
import org.acdit4j.framework.spec.SweptKeyAxis;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A metric against one swept parameter: mean over seeds with 95% CI error bars, one series per value
 * combination of the other swept keys, named by their label ({@code patch 4 (16 tokens)}). A parameter the definition
 * presents ({@link SweptKeyAxis}: ACDiT's block size as the AR length) is drawn under the axis' title at each
 * configuration's position on it. Positive numbers are drawn on a log₂ axis whose ticks are labelled with the values
 * (1, 4, 16) when they are presented positions or span more than a factor of 8; other numbers on a linear axis. A
 * parameter with non-numeric values (RoPE or context modes) is drawn as bars in sweep order, each named by the label
 * of its value ({@code no RoPE}).
 */
final class MetricPlot {

    private static final double LOG_SPAN = 8;

    private MetricPlot() {
    }

    /** Writes the plot; returns false (and writes nothing) when no run has the metric. */
    static boolean write(PlotSpec plot, Optional<SweptKeyAxis> axis, List<RunRecord> runs, ConfigurationLabels labels,
                         Path png) {
        Optional<Chart<?, ?>> chart = chart(plot, axis, runs, labels);
        chart.ifPresent(drawn -> PlotFile.write(drawn, png));
        return chart.isPresent();
    }

    /** The plot, or empty when no run has the metric. */
    static Optional<Chart<?, ?>> chart(PlotSpec plot, Optional<SweptKeyAxis> axis, List<RunRecord> runs,
                                       ConfigurationLabels labels) {
        Map<String, Map<String, List<Double>>> series = new LinkedHashMap<>();   // series → x → values
        Map<String, String> xNames = new LinkedHashMap<>();                       // x → its name on the axis, run order
        List<String> others = labels.sweptKeys().stream().filter(key -> !key.equals(plot.parameter())).toList();
        for (RunRecord run : runs) {
            Double value = run.metrics().get(plot.metric());
            Optional<String> x = axis.isPresent() ? position(axis.get(), run, labels)
                    : Optional.ofNullable(run.assignments().get(plot.parameter()));
            if (value == null || !Double.isFinite(value) || x.isEmpty()) {
                continue;
            }
            String name = others.isEmpty() ? plot.metric() : labels.of(run.assignments(), others);
            series.computeIfAbsent(name, key -> new LinkedHashMap<>()).computeIfAbsent(x.get(), key -> new ArrayList<>())
                    .add(value);
            xNames.putIfAbsent(x.get(), axis.isPresent() ? x.get() : labels.of(run.assignments(), List.of(plot.parameter())));
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        String title = axis.map(SweptKeyAxis::title).orElse(plot.parameter());
        if (!xNames.keySet().stream().allMatch(MetricPlot::isNumber)) {
            return Optional.of(bars(plot.metric(), title, series, xNames));
        }
        DoubleSummaryStatistics xs = xNames.keySet().stream().mapToDouble(Double::parseDouble).summaryStatistics();
        boolean log2 = xs.getMin() > 0 && (axis.isPresent() || xs.getMax() / xs.getMin() > LOG_SPAN);
        return Optional.of(lines(plot.metric(), title, series, log2));
    }

    /** {@code 16}: the run's position on {@code axis}, or empty when it has none. */
    private static Optional<String> position(SweptKeyAxis axis, RunRecord run, ConfigurationLabels labels) {
        if (!run.assignments().containsKey(axis.key())) {
            return Optional.empty();
        }
        OptionalDouble position = labels.position(axis, run.assignments());
        return position.isPresent() ? Optional.of(number(position.getAsDouble())) : Optional.empty();
    }

    /** {@code 16} for a whole number (within rounding, as 2^log₂ 16 is), else three significant digits. */
    static String number(double value) {
        double whole = Math.rint(value);
        return Math.abs(value - whole) <= 1e-9 * Math.max(1, Math.abs(value)) && Math.abs(whole) < 1e15
                ? Long.toString((long) whole) : String.format("%.3g", value);
    }

    /**
     * Lines through the means with their error bars; on a log₂ axis (x drawn at log₂ of its value) when {@code log2},
     * its ticks labelled with the values they stand for: at the data's values when those are equally spaced there
     * (1, 4, 16), else at XChart's evenly spaced ticks (2.83 between 2 and 4).
     */
    private static XYChart lines(String metric, String xTitle, Map<String, Map<String, List<Double>>> series,
                                 boolean log2) {
        XYChart chart = new XYChartBuilder().width(720).height(480).title(metric + " vs " + xTitle)
                .xAxisTitle(xTitle).yAxisTitle(metric + " (mean, 95% CI)").build();
        chart.getStyler().setErrorBarsColorSeriesColor(true).setLegendVisible(series.size() > 1);
        if (log2) {
            chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> number(Math.pow(2, x)));
        }
        for (Map.Entry<String, Map<String, List<Double>>> entry : series.entrySet()) {
            TreeMap<Double, List<Double>> byX = new TreeMap<>();
            entry.getValue().forEach((x, values) -> byX.computeIfAbsent(Double.parseDouble(x), key -> new ArrayList<>())
                    .addAll(values));
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            byX.forEach((x, values) -> {
                MeanWithInterval summary = MeanWithInterval.of(values);
                xs.add(log2 ? Math.log(x) / Math.log(2) : x);
                ys.add(summary.mean());
                errors.add(errorBar(summary));
            });
            chart.addSeries(entry.getKey(), xs, ys, errors).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** Bars with 95% CI error bars, one per parameter value in sweep order, named by its label (e.g. {@code 1-D RoPE}). */
    private static CategoryChart bars(String metric, String xTitle, Map<String, Map<String, List<Double>>> series,
                                      Map<String, String> xNames) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(480).title(metric + " vs " + xTitle)
                .xAxisTitle(xTitle).yAxisTitle(metric + " (mean, 95% CI)").build();
        chart.getStyler().setLegendVisible(series.size() > 1);
        for (Map.Entry<String, Map<String, List<Double>>> entry : series.entrySet()) {
            List<Double> ys = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String x : xNames.keySet()) {
                List<Double> values = entry.getValue().get(x);
                MeanWithInterval summary = values == null ? null : MeanWithInterval.of(values);
                ys.add(summary == null ? null : summary.mean());
                errors.add(summary == null ? null : errorBar(summary));
            }
            chart.addSeries(entry.getKey(), List.copyOf(xNames.values()), ys, errors);
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
