package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.ByConfigurationSpec;

/**
 * Renders {@link ByConfigurationSpec}: each metric with a point per configuration in definition order
 * ({@link ConfigurationPlot}).
 */
final class ConfigurationPlots implements ReportElementRenderer<ByConfigurationSpec> {

    @Override
    public void render(List<ByConfigurationSpec> specs, ReportRuns runs, ReportPage page) {
        List<String> definitionOrder = runs.definitionOrder();
        for (ByConfigurationSpec byConfiguration : specs) {
            for (String metric : byConfiguration.metrics()) {
                Path png = runs.output("by-configuration-" + PlotFile.name(metric) + ".png");
                if (ConfigurationPlot.write(metric, bySeed(metric, runs, definitionOrder), png)) {
                    page.plot(png);
                }
            }
        }
    }

    /** Configuration → seed → the metric's final value, configurations in definition order. */
    private static Map<String, Map<Long, Double>> bySeed(String metric, ReportRuns runs, List<String> definitionOrder) {
        Map<String, Map<Long, Double>> bySeed = new LinkedHashMap<>();
        definitionOrder.forEach(configuration -> bySeed.put(configuration, new TreeMap<>()));
        for (RunRecord run : runs.finished()) {
            Double value = run.metrics().get(metric);
            if (value != null && Double.isFinite(value)) {
                bySeed.get(runs.configuration(run)).put(run.seed(), value);
            }
        }
        bySeed.values().removeIf(Map::isEmpty);
        return bySeed;
    }
}
