package org.acdit4j.experiments.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.acdit4j.experiments.cli.RunsListing.ExperimentRuns;
import org.acdit4j.experiments.cli.RunsListing.RunRow;
import org.acdit4j.experiments.cli.RunsListing.SweepRuns;
import org.acdit4j.framework.tracking.RunStatus;

/**
 * {@link RunsListing} as text: per experiment a header, per sweep one line for the parent run and a table of its
 * runs (run, status, step of steps, short id, one column per chosen metric; {@code -} where a run lacks it).
 *
 * <pre>
 * experiment block-size-tradeoff (id 7642…), 3 runs; columns: the experiment's report metrics, 2 of the 45 metrics logged (…)
 *   sweep block-size-tradeoff-sweep  RUNNING  04af4b1d  2 runs, 1 finished of 3 planned; 1 never started: [2] blockSize1-seed0
 *     run                status       step  id        fid/cfg1.5  class-agreement/cfg1.5
 *     blockSize16-seed0  FINISHED  600/600  9c1d2e3f       41.27                  0.1150
 *     blockSize4-seed0   RUNNING   200/600  e8b2b1ff           -                       -
 * </pre>
 */
final class RunsTable {

    private static final int SHORT_ID = 8;
    private static final String MISSING = "-";

    private RunsTable() {
    }

    static String render(RunsListing listing) {
        StringBuilder out = new StringBuilder(listing.tracking()).append('\n');
        if (listing.experiments().isEmpty()) {
            return out.append("\n(no runs)\n").toString();
        }
        for (ExperimentRuns experiment : listing.experiments()) {
            int runs = experiment.sweeps().stream().mapToInt(sweep -> sweep.runs().size() + (sweep.sweep() == null ? 0 : 1)).sum();
            out.append("\nexperiment ").append(experiment.name()).append(" (id ").append(experiment.id()).append("), ")
                    .append(runs).append(runs == 1 ? " run" : " runs").append("; columns: ").append(experiment.metricsOrigin())
                    .append(", ").append(experiment.metrics().size()).append(" of the ").append(experiment.logged().size())
                    .append(" metrics logged (--metrics a,b or --all-metrics for others)\n");
            for (SweepRuns sweep : experiment.sweeps()) {
                out.append(sweepLine(sweep));
                table(out, experiment.metrics(), sweep.runs());
            }
        }
        return out.toString();
    }

    private static String sweepLine(SweepRuns sweep) {
        if (sweep.sweep() == null) {
            return "  runs outside a sweep\n";
        }
        long finished = sweep.runs().stream().filter(run -> run.status() == RunStatus.FINISHED).count();
        RunRow parent = sweep.sweep();
        String planned = sweep.planned() == 0 ? "" : " of " + sweep.planned() + " planned";
        String missing = sweep.missing().isEmpty() ? ""
                : "; " + sweep.missing().size() + " never started: " + String.join(", ", sweep.missing());
        return "  sweep " + parent.name() + "  " + parent.status() + "  " + shortId(parent.runId()) + "  "
                + sweep.runs().size() + (sweep.runs().size() == 1 ? " run, " : " runs, ") + finished + " finished"
                + planned + missing + "\n";
    }

    private static void table(StringBuilder out, List<String> metrics, List<RunRow> runs) {
        if (runs.isEmpty()) {
            return;
        }
        List<String> header = new ArrayList<>(List.of("run", "status", "step", "id"));
        header.addAll(metrics);
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (RunRow run : runs) {
            List<String> cells = new ArrayList<>(List.of(run.name(), run.status().name(), step(run), shortId(run.runId())));
            for (String metric : metrics) {
                Double value = run.metrics().get(metric);
                cells.add(value == null ? MISSING : number(value));
            }
            rows.add(cells);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int column = 0; column < row.size(); column++) {
                boolean rightAligned = column == 2 || column >= 4;
                String format = "%" + (rightAligned ? "" : "-") + widths[column] + "s";
                line.append("  ").append(String.format(Locale.ROOT, format, row.get(column)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String step(RunRow run) {
        return run.steps() == null ? String.valueOf(run.step()) : run.step() + "/" + run.steps();
    }

    private static String shortId(String runId) {
        return runId.substring(0, Math.min(SHORT_ID, runId.length()));
    }

    /** Four significant digits, whole numbers up to a million, scientific notation beyond and below 0.001. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        if (magnitude >= 1e4) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
