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
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.framework.tracking.RunStatus;

/**
 * The text of {@code REPORT.md}: the title, the finding, what the elements show at the opening, the description and a
 * table of facts (command, commit, machine, times, training, runs); the runs that did not finish; a table per metric at
 * equal training steps; the elements' comparisons, plots and galleries ({@link ReportPage}); what the labels stand for;
 * and the configuration.
 */
final class ReportMarkdown {

    private ReportMarkdown() {
    }

    /**
     * @param finding      the opening sentences ({@link ReportFinding}), when the definition names a headline
     * @param atEqualSteps by metric, by configuration, the finished runs' final values
     */
    static String render(ReportRuns runs, Optional<String> finding, Map<String, Map<String, List<Double>>> atEqualSteps,
                         ReportPage page, ExperimentReport.Context context) {
        ExperimentSpec spec = runs.spec();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(spec.name()).append("\n\n");
        finding.ifPresent(sentences -> md.append(sentences).append("\n\n"));
        md.append(page.opening());
        if (!spec.description().isBlank()) {
            md.append(spec.description()).append("\n\n");
        }
        md.append(facts(runs, context));
        md.append(unfinished(runs));
        md.append(tablesAtEqualSteps(runs, atEqualSteps));
        md.append(page.comparisons());
        if (!page.plots().isEmpty()) {
            md.append("## Plots\n\n");
            for (String plot : page.plots()) {
                md.append("![").append(plot).append("](").append(plot).append(")\n\n");
            }
        }
        md.append(page.galleries());
        md.append(labels(runs));
        List<String> sweptKeys = runs.sweptKeys();
        md.append("## Configuration\n\nSwept: ").append(sweptKeys.isEmpty() ? "nothing" : String.join(", ", sweptKeys))
                .append("; seeds: ").append(spec.sweep().seeds()).append(".\n\n```yaml\n").append(context.configYaml())
                .append("```\n");
        return md.toString();
    }

    /** The table of facts: command, commit, machine, backend, java, times, memory, training, runs, when written. */
    private static String facts(ReportRuns runs, ExperimentReport.Context context) {
        List<RunRecord> all = runs.all();
        TrainSpec train = runs.spec().train();
        StringBuilder md = new StringBuilder("| | |\n|---|---|\n");
        md.append("| command | `").append(context.command()).append("` |\n");
        md.append("| commit | ").append(ProvenanceCell.of(all, facts -> facts.getOrDefault("git.commit", "unknown")
                + ("true".equals(facts.get("git.dirty")) ? " (dirty)" : ""))).append(" |\n");
        md.append("| machine | ").append(ProvenanceCell.of(all, facts -> facts.getOrDefault("host", "?") + ", "
                + facts.getOrDefault("cores", "?") + " cores, " + facts.getOrDefault("os", "?"))).append(" |\n");
        md.append("| backend | ").append(ProvenanceCell.of(all, facts -> facts.getOrDefault("backend", "?"))).append(" |\n");
        md.append("| java | ").append(ProvenanceCell.of(all, facts -> facts.getOrDefault("java", "?"))).append(" |\n");
        md.append("| wall time | ").append(Durations.format(context.wallSeconds())).append(" (this invocation) |\n");
        runTimes(all).ifPresent(times -> md.append("| runs' time | ").append(times).append(" |\n"));
        peakMemory(all).ifPresent(memory -> md.append("| runs' memory | ").append(memory).append(" |\n"));
        LongSummaryStatistics trainedSteps = trainedSteps(runs);
        if (uniform(trainedSteps)) {
            md.append("| training | ").append(train.steps()).append(" steps × ").append(train.batch())
                    .append(" images = ").append(String.format("%,d", (long) train.steps() * train.batch()))
                    .append(" images seen per run |\n");
        } else {
            md.append("| training | ").append(stepRange(trainedSteps)).append(" steps, set by configuration |\n");
        }
        md.append("| runs | ").append(runs.finished().size()).append(" finished of ").append(all.size()).append(" |\n");
        md.append("| written | ").append(Instant.now()).append(" |\n\n");
        return md.toString();
    }

    /** The section of the runs that did not finish, with their status and reason; empty when all finished. */
    private static String unfinished(ReportRuns runs) {
        List<RunRecord> unfinished = runs.all().stream().filter(run -> run.status() != RunStatus.FINISHED).toList();
        if (unfinished.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## Runs that did not finish\n\n| run | configuration | status | reason |\n"
                + "|---|---|---|---|\n");
        for (RunRecord run : unfinished) {
            md.append("| ").append(run.run()).append(" | ").append(runs.configuration(run)).append(" | ")
                    .append(run.status()).append(" | ")
                    .append(run.failure() == null ? "" : run.failure().replace("|", "\\|").replace("\n", "<br>"))
                    .append(" |\n");
        }
        return md.append('\n').toString();
    }

    /** The section of a table per metric, every configuration's final values at equal training steps. */
    private static String tablesAtEqualSteps(ReportRuns runs, Map<String, Map<String, List<Double>>> atEqualSteps) {
        LongSummaryStatistics trainedSteps = trainedSteps(runs);
        StringBuilder md = new StringBuilder("## Metrics at equal training steps\n\nAfter ").append(uniform(trainedSteps)
                        ? runs.spec().train().steps() + " steps for every configuration"
                        : "each configuration's own steps (" + stepRange(trainedSteps) + ")")
                .append(". Mean ± half-width of the 95% Student-t confidence interval "
                        + "across seeds (n = number of seeds); a single seed shows the value alone.\n\n");
        for (Map.Entry<String, Map<String, List<Double>>> metric : atEqualSteps.entrySet()) {
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
        return md.toString();
    }

    /** The section that gives each configuration's swept values; empty when nothing is swept. */
    private static String labels(ReportRuns runs) {
        List<String> sweptKeys = runs.sweptKeys();
        if (sweptKeys.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## What the labels stand for\n\n| configuration | swept values |\n"
                + "|---|---|\n");
        Map<String, String> valuesByLabel = new LinkedHashMap<>();
        for (RunRecord run : runs.all()) {
            List<String> values = new ArrayList<>();
            sweptKeys.stream().filter(run.assignments()::containsKey)     // a run of the body's model has no model.name
                    .forEach(key -> values.add("`" + key + "=" + run.assignments().get(key) + "`"));
            valuesByLabel.putIfAbsent(runs.configuration(run), String.join(" ", values));
        }
        valuesByLabel.forEach((label, values) -> md.append("| ").append(label).append(" | ").append(values).append(" |\n"));
        return md.append('\n').toString();
    }

    /** The steps the finished runs trained. */
    private static LongSummaryStatistics trainedSteps(ReportRuns runs) {
        return runs.finished().stream().mapToLong(RunRecord::steps).summaryStatistics();
    }

    /** Whether every finished run trained the same steps (or none finished), so the spec's steps apply to all. */
    private static boolean uniform(LongSummaryStatistics trainedSteps) {
        return trainedSteps.getCount() == 0 || trainedSteps.getMin() == trainedSteps.getMax();
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
