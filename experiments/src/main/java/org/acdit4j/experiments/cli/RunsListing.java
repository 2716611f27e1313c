package org.acdit4j.experiments.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.acdit4j.framework.run.SweepRunner;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.framework.tracking.TrackedExperiment;
import org.acdit4j.framework.tracking.Tracker;

/**
 * The runs of a tracking store as {@code acdit runs} shows them: per experiment, grouped by sweep (the parent
 * run, then its runs in plan order, and the planned runs it has no run for), each run with its status, step of steps
 * and the chosen metrics. Experiments without runs are left out. Serialised as is for {@code --json}.
 *
 * @param tracking where the runs were read from ({@link Tracker#describe()})
 */
record RunsListing(String tracking, List<ExperimentRuns> experiments) {

    /** The tag the runner gives every run: its index in the sweep's plans. */
    static final String PLAN_INDEX_TAG = "acdit.index";
    /** The param holding a run's training steps. */
    static final String STEPS_PARAM = "train.steps";
    /** Plan index first (runs without one after those with), then name. */
    private static final Comparator<RunSummary> PLAN_ORDER = Comparator
            .comparingLong((RunSummary run) -> planIndex(run))
            .thenComparing(RunSummary::runName)
            .thenComparing(RunSummary::runId);

    /**
     * @param metrics       the metric columns
     * @param metricsOrigin how they were chosen
     * @param logged        every metric the experiment's runs logged, sorted
     */
    record ExperimentRuns(String name, String id, List<String> metrics, String metricsOrigin, List<String> logged,
                          List<SweepRuns> sweeps) {
    }

    /**
     * @param sweep   the parent run, or {@code null} for the runs that belong to no sweep
     * @param planned how many runs the sweep planned (0 when its parent does not say)
     * @param missing the planned runs that have no run in the store, as {@code [index] name}
     */
    record SweepRuns(RunRow sweep, List<RunRow> runs, int planned, List<String> missing) {
    }

    /**
     * @param step    the largest step a metric was logged at
     * @param steps   the run's training steps ({@code train.steps}), or {@code null} when it has none
     * @param metrics the chosen metrics the run has, in column order
     */
    record RunRow(String runId, String name, RunStatus status, long step, Long steps, Map<String, Double> metrics) {
    }

    static RunsListing read(Tracker tracker, MetricColumns columns) {
        List<ExperimentRuns> experiments = new ArrayList<>();
        for (TrackedExperiment experiment : tracker.experiments()) {
            List<RunSummary> runs = tracker.runs(experiment.id());
            if (!runs.isEmpty()) {
                experiments.add(experiment(experiment, runs, columns));
            }
        }
        experiments.sort(Comparator.comparing(ExperimentRuns::name).thenComparing(ExperimentRuns::id));
        return new RunsListing(tracker.describe(), experiments);
    }

    /** Every metric any listed run logged. */
    Set<String> loggedMetrics() {
        Set<String> logged = new TreeSet<>();
        experiments.forEach(experiment -> logged.addAll(experiment.logged()));
        return logged;
    }

    private static ExperimentRuns experiment(TrackedExperiment experiment, List<RunSummary> runs, MetricColumns choice) {
        Set<String> logged = runs.stream().flatMap(run -> run.latestMetrics().keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        MetricColumns.Choice chosen = choice.columns(experiment.name(), logged);
        List<String> metrics = chosen.metrics();
        Set<String> ids = runs.stream().map(RunSummary::runId).collect(Collectors.toSet());
        Map<String, List<RunSummary>> children = new LinkedHashMap<>();
        for (RunSummary run : runs) {
            if (run.parentRunId() != null && ids.contains(run.parentRunId())) {
                children.computeIfAbsent(run.parentRunId(), parent -> new ArrayList<>()).add(run);
            }
        }
        List<SweepRuns> sweeps = new ArrayList<>();
        List<RunRow> outsideSweeps = new ArrayList<>();
        for (RunSummary run : runs.stream().sorted(PLAN_ORDER).toList()) {
            boolean root = run.parentRunId() == null || !ids.contains(run.parentRunId());
            if (!root) {
                continue;
            }
            if (children.containsKey(run.runId()) || "true".equals(run.tags().get(SweepRunner.SWEEP_TAG))) {
                List<RunSummary> sweepRuns = children.getOrDefault(run.runId(), List.of());
                List<RunRow> rows = sweepRuns.stream().sorted(PLAN_ORDER).map(child -> row(child, metrics)).toList();
                List<String> planned = plannedRuns(run);
                Set<String> present = sweepRuns.stream().map(RunSummary::runName).collect(Collectors.toSet());
                List<String> missing = new ArrayList<>();
                for (int index = 0; index < planned.size(); index++) {
                    if (!present.contains(planned.get(index))) {
                        missing.add("[" + index + "] " + planned.get(index));
                    }
                }
                sweeps.add(new SweepRuns(row(run, List.of()), rows, planned.size(), missing));
            } else {
                outsideSweeps.add(row(run, metrics));
            }
        }
        if (!outsideSweeps.isEmpty()) {
            sweeps.add(new SweepRuns(null, outsideSweeps, 0, List.of()));
        }
        return new ExperimentRuns(experiment.name(), experiment.id(), metrics, chosen.origin(),
                List.copyOf(logged), sweeps);
    }

    private static RunRow row(RunSummary run, List<String> metrics) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String metric : metrics) {
            Double value = run.latestMetrics().get(metric);
            if (value != null) {
                values.put(metric, value);
            }
        }
        String steps = run.params().get(STEPS_PARAM);
        return new RunRow(run.runId(), run.runName(), run.status(), run.latestStep(),
                steps != null && steps.matches("\\d+") ? Long.valueOf(steps) : null, values);
    }

    /** The names of the runs a sweep's parent planned, in plan order; empty when it does not say. */
    private static List<String> plannedRuns(RunSummary parent) {
        String names = parent.tags().get(SweepRunner.PLANNED_RUNS_TAG);
        return names == null || names.isBlank() ? List.of() : List.of(names.split("\n"));
    }

    private static long planIndex(RunSummary run) {
        String index = run.tags().get(PLAN_INDEX_TAG);
        return index != null && index.matches("\\d+") ? Long.parseLong(index) : Long.MAX_VALUE;
    }
}
