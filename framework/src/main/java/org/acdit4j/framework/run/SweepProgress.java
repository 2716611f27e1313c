package org.acdit4j.framework.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import org.acdit4j.framework.tracking.RunStatus;

/**
 * Shows a sweep's progress from the heartbeats the runs write into their {@code run.json}: on a terminal
 * a bar with step, loss and ETA redrawn in place; otherwise a log line per active run every 30 s. Prints
 * one summary line per finished run. The ETA of training extrapolates the steps made since this sweep first saw
 * the run (a resumed or reused run starts part-way); once training is done the line says the run is evaluating.
 */
final class SweepProgress {

    private static final int BAR_WIDTH = 24;

    private final Path runsRoot;
    private final String experiment;
    private final int total;
    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    private final Map<String, RunPlan> active = new ConcurrentHashMap<>();
    private final Map<String, long[]> firstSeen = new ConcurrentHashMap<>();     // run name → {nanoTime, step}
    private volatile int done;

    SweepProgress(Path runsRoot, String experiment, List<RunPlan> plans, PrintStream out) {
        this.runsRoot = runsRoot;
        this.experiment = experiment;
        this.total = plans.size();
        this.out = out;
    }

    void started(RunPlan plan) {
        startedAt.put(plan.name(), System.nanoTime());
        active.put(plan.name(), plan);
    }

    synchronized void finished(RunPlan plan, RunStatus status, RunRecord record, double seconds, int exit) {
        active.remove(plan.name());
        firstSeen.remove(plan.name());
        done++;
        String detail = record == null ? "no run.json (exit " + exit + ")"
                : status == RunStatus.FINISHED ? headline(record.metrics())
                : record.failure() != null ? record.failure() : "exit code " + exit;
        clearLine();
        out.printf("[%d] %s: %s in %s (%d/%d) %s%n", plan.index(), plan.name(), status, Durations.format(seconds), done,
                total, detail);
    }

    /** Blocks, redrawing progress, until every future is done. */
    void watch(List<Future<?>> futures) throws InterruptedException {
        long lastLog = System.nanoTime();
        while (!futures.stream().allMatch(Future::isDone)) {
            Thread.sleep(terminal ? 1000 : 2000);
            if (terminal) {
                draw();
            } else if (System.nanoTime() - lastLog > 30e9) {
                logLines();
                lastLog = System.nanoTime();
            }
        }
        clearLine();
    }

    private synchronized void draw() {
        StringBuilder line = new StringBuilder("\r");
        for (RunPlan plan : active.values()) {
            RunFolder folder = RunFolder.of(runsRoot, experiment, plan.name());
            folder.record().ifPresent(record -> {
                double fraction = record.steps() == 0 ? 0 : (double) record.step() / record.steps();
                int filled = (int) Math.round(Math.min(1, fraction) * BAR_WIDTH);
                line.append(plan.name()).append(" [").append("=".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled))
                        .append("] ").append(record.step()).append('/').append(record.steps()).append(' ')
                        .append(remaining(plan, record)).append("  ");
            });
        }
        out.print(line);
        out.flush();
    }

    private synchronized void logLines() {
        for (RunPlan plan : active.values()) {
            RunFolder.of(runsRoot, experiment, plan.name()).record().ifPresent(record -> out.println(line(plan, record)));
        }
    }

    /** {@code   name: step 1200/3000 loss 0.0339 ETA 10m07s}, or {@code … evaluating} once training is done. */
    String line(RunPlan plan, RunRecord record) {
        return String.format("  %s: step %d/%d loss %s %s", plan.name(), record.step(), record.steps(),
                record.lastLoss() == null ? "-" : String.format("%.4f", record.lastLoss()), remaining(plan, record));
    }

    private String remaining(RunPlan plan, RunRecord record) {
        if (record.steps() > 0 && record.step() >= record.steps()) {
            Long start = startedAt.get(plan.name());
            return "training done, evaluating" + (start == null ? ""
                    : " (run time " + Durations.format((System.nanoTime() - start) / 1e9) + ")");
        }
        long now = System.nanoTime();
        long[] first = firstSeen.computeIfAbsent(plan.name(), name -> new long[] {now, record.step()});
        long stepsMade = record.step() - first[1];
        if (stepsMade <= 0) {
            return "ETA ?";
        }
        double secondsPerStep = (now - first[0]) / 1e9 / stepsMade;
        return "ETA " + Durations.format(secondsPerStep * (record.steps() - record.step()));
    }

    private void clearLine() {
        if (terminal) {
            out.print("\r" + " ".repeat(120) + "\r");
        }
    }

    /** Sample counts, batch sizes, repeats and evaluator parameters (k, radius quantile, dimension). */
    private static boolean isBookkeeping(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("samples") || lower.contains(".batch") || lower.contains(".repeats") || lower.startsWith("train.")
                || lower.contains(".k/") || lower.contains("radiusquantile") || lower.contains(".dimension");
    }

    private static String headline(Map<String, Double> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        metrics.entrySet().stream().filter(entry -> !isBookkeeping(entry.getKey())).sorted(Map.Entry.comparingByKey()).limit(6)
                .forEach(entry -> text.append(entry.getKey()).append('=').append(String.format("%.4g", entry.getValue())).append(' '));
        return text.toString().strip();
    }
}
