package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.acdit4j.framework.spec.ComputeBasis;
import org.acdit4j.framework.spec.PairedAgainstSpec;
import org.acdit4j.framework.spec.RunMetrics;

/**
 * Renders {@link PairedAgainstSpec}: for each comparison whose key is swept, a plot per metric of the differences
 * paired by seed against the per-run quantity ({@link PairedAgainstPlot}) and a section with their table.
 */
final class PairedAgainstComparisons implements ReportElementRenderer<PairedAgainstSpec> {

    @Override
    public void render(List<PairedAgainstSpec> specs, ReportRuns runs, ReportPage page) {
        for (PairedAgainstSpec comparison : specs) {
            if (!runs.sweptKeys().contains(comparison.paired().key())) {
                continue;
            }
            List<PairedAgainst.Point> points = PairedAgainst.of(comparison, runs.finished(), runs.labels(),
                    runs::comparableProgress);
            String basis = comparison.basis() == ComputeBasis.EQUAL_COMPUTE ? "equal-compute-" : "";
            for (String metric : comparison.paired().metrics()) {
                Path png = runs.output("paired-" + basis + PlotFile.name(metric) + "-vs-"
                        + PlotFile.name(comparison.quantity()) + ".png");
                if (PairedAgainstPlot.write(comparison.basis(), comparison.quantity(), metric,
                        points.stream().filter(point -> point.metric().equals(metric)).toList(), png)) {
                    page.plot(png);
                }
            }
            if (!points.isEmpty()) {
                page.comparison(markdown(comparison, points));
            }
        }
    }

    private static String markdown(PairedAgainstSpec comparison, List<PairedAgainst.Point> points) {
        boolean atEqualCompute = comparison.basis() == ComputeBasis.EQUAL_COMPUTE;
        StringBuilder md = new StringBuilder("## Differences paired by seed ").append(comparison.basis().phrase())
                .append(" against ").append(comparison.quantity()).append("\n\n")
                .append("Differences paired by seed (the value of `")
                .append(comparison.paired().key()).append("` minus its baseline value ").append(comparison.paired().baseline())
                .append(", same seed and same other swept values), ")
                .append(atEqualCompute ? "each pair read on its two runs' evaluations while training at the largest "
                        + "training FLOPs both reached (linear interpolation), " : "of the final metrics, ")
                .append("one row per compared configuration, beside ")
                .append(atEqualCompute && comparison.quantity().equals(RunMetrics.TRAIN_FLOPS.text())
                        ? "the mean of those budgets" : "the mean of `" + comparison.quantity()
                        + "` over the runs of its pairs, both sides")
                .append("; the plots draw one line per compared value against it.\n\n")
                .append("| metric | comparison | at | ").append(comparison.quantity())
                .append(" | n | mean difference ± 95% CI | by seed |\n|---|---|---|---|---|---|---|\n");
        for (PairedAgainst.Point point : points) {
            List<String> bySeed = new ArrayList<>();
            point.bySeed().forEach((seed, difference) -> bySeed.add(seed + ": " + MeanWithInterval.number(difference)));
            md.append("| ").append(point.metric()).append(" | ").append(point.series()).append(" | ").append(point.at())
                    .append(" | ").append(MeanWithInterval.number(point.quantity())).append(" | ")
                    .append(point.bySeed().size()).append(" | ").append(point.summary().format()).append(" | ")
                    .append(String.join(", ", bySeed)).append(" |\n");
        }
        return md.append('\n').toString();
    }
}
