package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.run.EvaluationProgress;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.ProgressSpec;

/**
 * Renders {@link ProgressSpec}: each metric against training FLOPs per configuration ({@link ProgressPlot}) and the
 * section of tables at equal training compute ({@link EqualCompute}), one per metric and group of the comparison.
 */
final class ProgressComparisons implements ReportElementRenderer<ProgressSpec> {

    @Override
    public void render(List<ProgressSpec> specs, ReportRuns runs, ReportPage page) {
        Map<String, Map<String, EqualCompute.Comparison>> tables = new LinkedHashMap<>();    // metric → group →
        for (ProgressSpec progress : specs) {
            for (String metric : progress.metrics()) {
                Map<String, List<List<EvaluationProgress.Point>>> curves = new LinkedHashMap<>();
                for (RunRecord run : runs.finished()) {
                    curves.computeIfAbsent(runs.configuration(run), key -> new ArrayList<>())
                            .add(runs.comparableProgress(run, metric));
                }
                Path png = runs.output("progress-" + PlotFile.name(metric) + ".png");
                if (ProgressPlot.write(metric, curves, png)) {
                    page.plot(png);
                }
                Map<String, EqualCompute.Comparison> groups = EqualCompute.byGroup(progress, metric, runs);
                if (!groups.isEmpty()) {
                    tables.put(metric, groups);
                }
            }
        }
        if (!tables.isEmpty()) {
            page.comparison(markdown(tables));
        }
    }

    private static String markdown(Map<String, Map<String, EqualCompute.Comparison>> tables) {
        StringBuilder md = new StringBuilder("## Metrics at equal training compute\n\nEach run's evaluations over "
                + "training (`track.evaluateEvery`) read at the largest training compute every run reached, by linear "
                + "interpolation between evaluations; a run whose first evaluation comes later has no value (n counts "
                + "the runs with one). When the evaluations while training use fewer samples than the final one, the "
                + "final one is left out here and in the progress plots (FID depends on the sample count).\n\n");
        tables.forEach((metric, groups) -> groups.forEach((group, comparison) -> {
            md.append("### ").append(metric).append(group).append(" at ")
                    .append(String.format("%.3g", comparison.budgetFlops() / 1e12))
                    .append(" TFLOP of training\n\n| configuration | n | mean ± 95% CI |\n|---|---|---|\n");
            comparison.byConfiguration().forEach((configuration, values) -> md.append("| ").append(configuration)
                    .append(" | ").append(values.size()).append(" | ")
                    .append(values.isEmpty() ? "no evaluation at or below the budget" : MeanWithInterval.of(values).format())
                    .append(" |\n"));
            md.append('\n');
        }));
        return md.toString();
    }
}
