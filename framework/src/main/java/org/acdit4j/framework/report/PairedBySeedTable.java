package org.acdit4j.framework.report;

import java.util.ArrayList;
import java.util.List;
import org.acdit4j.framework.spec.PairedSpec;

/**
 * Renders {@link PairedSpec}: one table of the differences paired by seed ({@link PairedDifferences}) of every
 * comparison whose key is swept.
 */
final class PairedBySeedTable implements ReportElementRenderer<PairedSpec> {

    @Override
    public void render(List<PairedSpec> specs, ReportRuns runs, ReportPage page) {
        List<PairedDifferences.Row> rows = new ArrayList<>();
        for (PairedSpec comparison : specs) {
            if (runs.sweptKeys().contains(comparison.key())) {
                rows.addAll(PairedDifferences.of(comparison, runs.finished(), runs.labels()));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder md = new StringBuilder("## Differences paired by seed\n\nEach row: the metric of the named value "
                + "minus the metric of the baseline value after the minus sign, between runs of the same seed (same "
                + "initial weights and data order) and the same other swept values, at equal training steps; mean ± "
                + "half-width of the 95% Student-t confidence interval over seeds. An interval that excludes 0 is a "
                + "difference this many seeds resolve.\n\n")
                .append("| metric | comparison | n | mean difference ± 95% CI | by seed |\n|---|---|---|---|---|\n");
        for (PairedDifferences.Row row : rows) {
            List<String> bySeed = new ArrayList<>();
            row.bySeed().forEach((seed, difference) -> bySeed.add(seed + ": " + MeanWithInterval.number(difference)));
            md.append("| ").append(row.metric()).append(" | ").append(row.comparison()).append(" | ")
                    .append(row.bySeed().size()).append(" | ").append(row.summary().format()).append(" | ")
                    .append(String.join(", ", bySeed)).append(" |\n");
        }
        page.comparison(md.append('\n').toString());
    }
}
