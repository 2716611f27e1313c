package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A metric with one point per configuration, whatever keys it sweeps: the mean over seeds with its 95% CI as error
 * bar, and each seed's value as a small mark of its own colour at the same category, the categories named by the
 * configurations' labels in the order given (the definition's).
 */
final class ConfigurationPlot {

    static final String MEAN_SERIES = "mean, 95% CI";

    private ConfigurationPlot() {
    }

    /**
     * Writes the plot of {@code metric} from {@code bySeed} (configuration label → seed → value, in category order);
     * returns false (and writes nothing) when no configuration has a value.
     */
    static boolean write(String metric, Map<String, Map<Long, Double>> bySeed, Path png) {
        if (bySeed.isEmpty()) {
            return false;
        }
        List<String> categories = List.copyOf(bySeed.keySet());
        CategoryChart chart = new CategoryChartBuilder().width(960).height(540).title(metric + " by configuration")
                .xAxisTitle("configuration").yAxisTitle(metric + " (mean, 95% CI; small marks: seeds)").build();
        chart.getStyler().setOverlapped(true).setXAxisLabelRotation(categories.size() > 3 ? 15 : 0)
                .setErrorBarsColorSeriesColor(true).setMarkerSize(10).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal);
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (Map<Long, Double> values : bySeed.values()) {
            MeanWithInterval summary = MeanWithInterval.of(List.copyOf(values.values()));
            means.add(summary.mean());
            errors.add(Double.isNaN(summary.halfWidth()) ? 0.0 : summary.halfWidth());
        }
        chart.addSeries(MEAN_SERIES, categories, means, errors)
                .setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter)
                .setMarker(SeriesMarkers.DIAMOND);
        TreeSet<Long> seeds = new TreeSet<>();
        bySeed.values().forEach(values -> seeds.addAll(values.keySet()));
        for (long seed : seeds) {
            List<Double> seedValues = bySeed.values().stream().map(configuration -> configuration.get(seed)).toList();
            chart.addSeries("seed " + seed, categories, seedValues)
                    .setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter)
                    .setMarker(new SeedMarker());
        }
        PlotFile.write(chart, png);
        return true;
    }
}
