package org.acdit4j.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.framework.tracking.TrackedExperiment;
import org.acdit4j.framework.tracking.Tracker;

/**
 * Renders a plain-text listing of a tracker's experiments and runs, for a CLI command: each experiment with
 * its runs as a tree (children under their parent), each run with its name, status, short id and the latest
 * value of each metric. Works the same for the embedded store and a server.
 *
 * <pre>
 * MLflow file store /work/mlruns
 *
 * experiment block-size-tradeoff (id 652375813395847364), 4 runs
 *   sweep                 FINISHED  3f2a9c1e
 *     block1-seed0        FINISHED  9c1d2e3f  fid=12.5  train/loss=0.0412
 * </pre>
 */
public final class TrackingListing {

    private static final String INDENT = "  ";

    private TrackingListing() {
    }

    /** The listing of every experiment of {@code tracker}, headed by {@link Tracker#describe()}. */
    public static String render(Tracker tracker) {
        StringBuilder out = new StringBuilder(tracker.describe()).append('\n');
        List<TrackedExperiment> experiments = tracker.experiments();
        if (experiments.isEmpty()) {
            return out.append("\n(no experiments)\n").toString();
        }
        for (TrackedExperiment experiment : experiments) {
            out.append('\n');
            appendExperiment(out, experiment, tracker.runs(experiment.id()));
        }
        return out.toString();
    }

    private static void appendExperiment(StringBuilder out, TrackedExperiment experiment, List<RunSummary> runs) {
        out.append("experiment ").append(experiment.name()).append(" (id ").append(experiment.id()).append("), ")
                .append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append('\n');
        Set<String> ids = runs.stream().map(RunSummary::runId).collect(Collectors.toSet());
        Map<String, List<RunSummary>> children = new LinkedHashMap<>();
        List<RunSummary> roots = new ArrayList<>();
        for (RunSummary run : sorted(runs)) {
            if (run.parentRunId() != null && ids.contains(run.parentRunId())) {
                children.computeIfAbsent(run.parentRunId(), id -> new ArrayList<>()).add(run);
            } else {
                roots.add(run);
            }
        }
        int width = runs.stream().mapToInt(r -> r.runName().length()).max().orElse(0) + 2 * INDENT.length() + 2;
        for (RunSummary root : roots) {
            appendRun(out, root, 1, width, children);
        }
    }

    private static void appendRun(StringBuilder out, RunSummary run, int depth, int width,
                                  Map<String, List<RunSummary>> children) {
        String name = INDENT.repeat(depth) + (run.runName().isEmpty() ? "(unnamed)" : run.runName());
        out.append(String.format(Locale.ROOT, "%-" + width + "s  %-8s  %s", name, run.status(),
                run.runId().substring(0, Math.min(8, run.runId().length()))));
        if (run.parentRunId() != null && depth == 1) {
            out.append("  parent ").append(run.parentRunId(), 0, Math.min(8, run.parentRunId().length()));
        }
        run.latestMetrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(m -> out.append("  ").append(m.getKey()).append('=').append(format(m.getValue())));
        out.append('\n');
        for (RunSummary child : children.getOrDefault(run.runId(), List.of())) {
            appendRun(out, child, depth + 1, width, children);
        }
    }

    private static List<RunSummary> sorted(List<RunSummary> runs) {
        return runs.stream().sorted(Comparator.comparing(RunSummary::runName).thenComparing(RunSummary::runId)).toList();
    }

    private static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }
}
