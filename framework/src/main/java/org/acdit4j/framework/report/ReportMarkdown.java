package org.acdit4j.framework.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import org.acdit4j.framework.run.Durations;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.ComputeBasis;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.PairedAgainstSpec;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.framework.tracking.RunStatus;

/** The text of {@code REPORT.md}. */
final class ReportMarkdown {

    /** A run's sample grid: its path relative to the report and the caption above it (label and seed). */
    record SampleGrid(String file, String caption) {
    }

    private ReportMarkdown() {
    }

    /**
     * @param finding              the opening sentences ({@link ReportFinding}), when the definition names a headline
     * @param configurationSamples the sheet of every configuration's samples side by side, relative to the report
     * @param equalCompute         by metric, by group ({@code ""} or {@code " within patch 4 (16 tokens)"})
     */
    static String render(ExperimentSpec spec, List<RunRecord> runs, Map<String, String> labelByRun, List<String> sweptKeys,
                         Optional<String> finding, Optional<String> configurationSamples,
                         Map<String, Map<String, List<Double>>> byMetric,
                         Map<String, Map<String, EqualCompute.Comparison>> equalCompute, List<PairedDifferences.Row> paired,
                         Map<PairedAgainstSpec, List<PairedAgainst.Point>> pairedAgainst, List<String> plots, List<SampleGrid> grids,
                         ExperimentReport.Context context) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(spec.name()).append("\n\n");
        finding.ifPresent(sentences -> md.append(sentences).append("\n\n"));
        configurationSamples.ifPresent(sheet -> md.append("Samples of each configuration (its first seed; one row per "
                + "class, the spec's solver and guidance, EMA weights, final step):\n\n![samples of each configuration](")
                .append(sheet).append(")\n\n"));
        if (!spec.description().isBlank()) {
            md.append(spec.description()).append("\n\n");
        }
        long finished = runs.stream().filter(run -> run.status() == RunStatus.FINISHED).count();
        md.append("| | |\n|---|---|\n");
        md.append("| command | `").append(context.command()).append("` |\n");
        md.append("| commit | ").append(ProvenanceCell.of(runs, facts -> facts.getOrDefault("git.commit", "unknown")
                + ("true".equals(facts.get("git.dirty")) ? " (dirty)" : ""))).append(" |\n");
        md.append("| machine | ").append(ProvenanceCell.of(runs, facts -> facts.getOrDefault("host", "?") + ", "
                + facts.getOrDefault("cores", "?") + " cores, " + facts.getOrDefault("os", "?"))).append(" |\n");
        md.append("| backend | ").append(ProvenanceCell.of(runs, facts -> facts.getOrDefault("backend", "?"))).append(" |\n");
        md.append("| java | ").append(ProvenanceCell.of(runs, facts -> facts.getOrDefault("java", "?"))).append(" |\n");
        md.append("| wall time | ").append(Durations.format(context.wallSeconds())).append(" (this invocation) |\n");
        runTimes(runs).ifPresent(times -> md.append("| runs' time | ").append(times).append(" |\n"));
        peakMemory(runs).ifPresent(memory -> md.append("| runs' memory | ").append(memory).append(" |\n"));
        LongSummaryStatistics trainedSteps = runs.stream().filter(run -> run.status() == RunStatus.FINISHED)
                .mapToLong(RunRecord::steps).summaryStatistics();
        boolean uniformSteps = trainedSteps.getCount() == 0 || trainedSteps.getMin() == trainedSteps.getMax();
        if (uniformSteps) {
            md.append("| training | ").append(spec.train().steps()).append(" steps × ").append(spec.train().batch())
                    .append(" images = ").append(String.format("%,d", (long) spec.train().steps() * spec.train().batch()))
                    .append(" images seen per run |\n");
        } else {
            md.append("| training | ").append(stepRange(trainedSteps)).append(" steps, set by configuration |\n");
        }
        md.append("| runs | ").append(finished).append(" finished of ").append(runs.size()).append(" |\n");
        md.append("| written | ").append(Instant.now()).append(" |\n\n");

        List<RunRecord> unfinished = runs.stream().filter(run -> run.status() != RunStatus.FINISHED).toList();
        if (!unfinished.isEmpty()) {
            md.append("## Runs that did not finish\n\n| run | configuration | status | reason |\n|---|---|---|---|\n");
            for (RunRecord run : unfinished) {
                md.append("| ").append(run.run()).append(" | ").append(labelByRun.get(run.run())).append(" | ")
                        .append(run.status()).append(" | ")
                        .append(run.failure() == null ? "" : run.failure().replace("|", "\\|").replace("\n", "<br>")).append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Metrics at equal training steps\n\nAfter ").append(uniformSteps
                        ? spec.train().steps() + " steps for every configuration"
                        : "each configuration's own steps (" + stepRange(trainedSteps) + ")")
                .append(". Mean ± half-width of the 95% Student-t confidence interval "
                        + "across seeds (n = number of seeds); a single seed shows the value alone.\n\n");
        for (Map.Entry<String, Map<String, List<Double>>> metric : byMetric.entrySet()) {
            md.append("### ").append(metric.getKey()).append("\n\n| configuration | n | mean ± 95% CI | min | max |\n")
                    .append("|---|---|---|---|---|\n");
            metric.getValue().forEach((configuration, values) -> {
                MeanWithInterval summary = MeanWithInterval.of(values);
                md.append("| ").append(configuration).append(" | ").append(summary.n()).append(" | ")
                        .append(summary.format()).append(" | ").append(MeanWithInterval.number(summary.min()))
                        .append(" | ").append(MeanWithInterval.number(summary.max())).append(" |\n");
            });
            md.append('\n');
        }
        if (!equalCompute.isEmpty()) {
            md.append("## Metrics at equal training compute\n\nEach run's evaluations over training (`track.evaluateEvery`) "
                    + "read at the largest training compute every run reached, by linear interpolation between "
                    + "evaluations; a run whose first evaluation comes later has no value (n counts the runs with one). "
                    + "When the evaluations while training use fewer samples than the final one, the final one is left "
                    + "out here and in the progress plots (FID depends on the sample count).\n\n");
            equalCompute.forEach((metric, groups) -> groups.forEach((group, comparison) -> {
                md.append("### ").append(metric).append(group).append(" at ").append(String.format("%.3g", comparison.budgetFlops() / 1e12))
                        .append(" TFLOP of training\n\n| configuration | n | mean ± 95% CI |\n|---|---|---|\n");
                comparison.byConfiguration().forEach((configuration, values) -> md.append("| ").append(configuration)
                        .append(" | ").append(values.size()).append(" | ")
                        .append(values.isEmpty() ? "no evaluation at or below the budget" : MeanWithInterval.of(values).format())
                        .append(" |\n"));
                md.append('\n');
            }));
        }
        if (!paired.isEmpty()) {
            md.append("## Differences paired by seed\n\nEach row: the metric of the named value minus the metric of the "
                    + "baseline value after the minus sign, between runs of the same seed (same initial weights and data "
                    + "order) and the same other swept values, at equal training steps; mean ± half-width of the 95% "
                    + "Student-t confidence interval over seeds. An interval that excludes 0 is a difference this many "
                    + "seeds resolve.\n\n")
                    .append("| metric | comparison | n | mean difference ± 95% CI | by seed |\n|---|---|---|---|---|\n");
            for (PairedDifferences.Row row : paired) {
                List<String> bySeed = new ArrayList<>();
                row.bySeed().forEach((seed, difference) -> bySeed.add(seed + ": " + MeanWithInterval.number(difference)));
                md.append("| ").append(row.metric()).append(" | ").append(row.comparison()).append(" | ")
                        .append(row.bySeed().size()).append(" | ").append(row.summary().format()).append(" | ")
                        .append(String.join(", ", bySeed)).append(" |\n");
            }
            md.append('\n');
        }
        pairedAgainst.forEach((comparison, points) -> {
            if (points.isEmpty()) {
                return;
            }
            boolean atEqualCompute = comparison.basis() == ComputeBasis.EQUAL_COMPUTE;
            md.append("## Differences paired by seed ").append(comparison.basis().phrase()).append(" against ")
                    .append(comparison.quantity()).append("\n\n")
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
            md.append('\n');
        });
        if (!plots.isEmpty()) {
            md.append("## Plots\n\n");
            for (String plot : plots) {
                md.append("![").append(plot).append("](").append(plot).append(")\n\n");
            }
        }
        if (!grids.isEmpty()) {
            md.append("## Sample grids\n\nOne row per class, named in the margin (EMA weights, the spec's solver and "
                    + "guidance), final step of each run.");
            if (grids.stream().anyMatch(grid -> grid.file().endsWith(".gif"))) {
                md.append(" Clips: the PNG shows one clip per row, frame by frame; the GIF plays them (one column per "
                        + "class); the `-rollout` GIF continues each clip to 4× the trained length with the largest "
                        + "context window that keeps attention offsets inside the trained clip.");
            }
            md.append("\n\n");
            for (SampleGrid grid : grids) {
                md.append("**").append(grid.caption()).append("**\n\n![").append(grid.file()).append("](")
                        .append(grid.file()).append(")\n\n");
            }
        }
        if (!sweptKeys.isEmpty()) {
            md.append("## What the labels stand for\n\n| configuration | swept values |\n|---|---|\n");
            Map<String, String> valuesByLabel = new LinkedHashMap<>();
            for (RunRecord run : runs) {
                List<String> values = new ArrayList<>();
                sweptKeys.stream().filter(run.assignments()::containsKey)     // a run of the body's model has no model.name
                        .forEach(key -> values.add("`" + key + "=" + run.assignments().get(key) + "`"));
                valuesByLabel.putIfAbsent(labelByRun.get(run.run()), String.join(" ", values));
            }
            valuesByLabel.forEach((label, values) -> md.append("| ").append(label).append(" | ").append(values).append(" |\n"));
            md.append('\n');
        }
        md.append("## Configuration\n\nSwept: ").append(sweptKeys.isEmpty() ? "nothing" : String.join(", ", sweptKeys))
                .append("; seeds: ").append(spec.sweep().seeds()).append(".\n\n```yaml\n").append(context.configYaml())
                .append("```\n");
        return md.toString();
    }

    /**
     * {@code 1h04m from the first run's start to the last run's end (…Z to …Z); 2h10m of run time in all}, from
     * the run records, so that a report rebuilt later still states how long its runs took.
     */
    static Optional<String> runTimes(List<RunRecord> runs) {
        Instant first = null;
        Instant last = null;
        double summedSeconds = 0;
        for (RunRecord run : runs) {
            Instant started = instant(run.started());
            Instant ended = instant(run.ended());
            if (started == null || ended == null) {
                continue;
            }
            first = first == null || started.isBefore(first) ? started : first;
            last = last == null || ended.isAfter(last) ? ended : last;
            summedSeconds += Duration.between(started, ended).toMillis() / 1000.0;
        }
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(Durations.format(Duration.between(first, last).toMillis() / 1000.0)
                + " from the first run's start to the last run's end (" + first.truncatedTo(ChronoUnit.SECONDS) + " to "
                + last.truncatedTo(ChronoUnit.SECONDS) + "); " + Durations.format(summedSeconds) + " of run time in all");
    }

    /**
     * {@code peak resident set 0.68–1.74 GB per run, Java heap at most 0.21 GB (18 of 18 runs measured)}, from the
     * runs' {@link RunMetrics#PEAK_RSS_BYTES} and {@link RunMetrics#PEAK_HEAP_BYTES}; runs from before these were
     * logged are counted apart.
     */
    static Optional<String> peakMemory(List<RunRecord> runs) {
        DoubleSummaryStatistics resident = new DoubleSummaryStatistics();
        DoubleSummaryStatistics heap = new DoubleSummaryStatistics();
        long finished = 0;
        for (RunRecord run : runs) {
            if (run.status() != RunStatus.FINISHED) {
                continue;
            }
            finished++;
            Map<String, Double> metrics = run.metrics() == null ? Map.of() : run.metrics();
            Double peak = metrics.get(RunMetrics.PEAK_RSS_BYTES.text());
            if (peak != null) {
                resident.accept(peak / 1e9);
                heap.accept(metrics.getOrDefault(RunMetrics.PEAK_HEAP_BYTES.text(), 0.0) / 1e9);
            }
        }
        if (resident.getCount() == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "peak resident set %.2f–%.2f GB per run, Java heap at most %.2f GB"
                + " (%d of %d finished runs measured)", resident.getMin(), resident.getMax(), heap.getMax(),
                resident.getCount(), finished));
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "1000" or "2000 to 4000" (steps of the finished runs). */
    private static String stepRange(LongSummaryStatistics steps) {
        return steps.getMin() == steps.getMax() ? Long.toString(steps.getMin()) : steps.getMin() + " to " + steps.getMax();
    }
}
