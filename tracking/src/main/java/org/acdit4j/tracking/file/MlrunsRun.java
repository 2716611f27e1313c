package org.acdit4j.tracking.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.LocalArtifacts;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.PendingMetrics;
import org.acdit4j.tracking.MetricPoint;
import org.acdit4j.tracking.RunSource;
import org.acdit4j.tracking.TrackingException;
import org.acdit4j.tracking.TrackingKeys;

/**
 * An open run of an {@link MlrunsStore}. Params, tags, meta.yaml and artifacts are written at once, each file
 * atomically; metric points are buffered and written by rewriting each metric file atomically under the
 * store lock, so concurrent writers never lose a line and a reader never sees half of one.
 */
final class MlrunsRun implements TrackedRun {

    private final MlrunsStore store;
    private final Path runDir;
    private final String runId;
    private final String experimentId;
    private final Clock clock;
    private final PendingMetrics pending;
    private final LoggedSteps logged;
    private boolean ended;

    MlrunsRun(MlrunsStore store, Path runDir, RunMeta meta, Clock clock, MetricBuffering buffering, LoggedSteps logged) {
        this.store = store;
        this.runDir = runDir;
        this.runId = meta.runId();
        this.experimentId = meta.experimentId();
        this.clock = clock;
        this.pending = new PendingMetrics(buffering, clock);
        this.logged = logged;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String experimentId() {
        return experimentId;
    }

    @Override
    public LoggedSteps loggedSteps() {
        return logged;
    }

    @Override
    public synchronized void logParams(Map<String, String> params) {
        requireOpen();
        TrackingKeys.requireValidParams(params);
        store.lock().run(() -> params.forEach(this::writeParam));
    }

    private void writeParam(String key, String value) {
        Path file = runDir.resolve(MlrunsLayout.PARAMS).resolve(key);
        if (Files.isRegularFile(file)) {
            String existing = readText(file);
            if (existing.equals(value)) {
                return;
            }
            throw new TrackingException("param '" + key + "' of run " + runId + " was already logged as '"
                    + existing + "'; params are immutable, so '" + value + "' is not allowed");
        }
        AtomicFiles.write(file, value.getBytes(StandardCharsets.UTF_8), runDir);
    }

    @Override
    public synchronized void setTags(Map<String, String> tags) {
        requireOpen();
        TrackingKeys.requireValidTags(tags);
        store.lock().run(() -> {
            writeTags(runDir, tags);
            String runName = tags.get(RunSource.RUN_NAME);
            if (runName != null) {
                store.writeRunMeta(runDir, store.readRunMeta(runDir).withRunName(runName));
            }
        });
    }

    /** Writes tag files (no trailing newline), each atomically; the caller holds the store lock. */
    static void writeTags(Path runDir, Map<String, String> tags) {
        tags.forEach((key, value) -> AtomicFiles.write(runDir.resolve(MlrunsLayout.TAGS).resolve(key),
                value.getBytes(StandardCharsets.UTF_8), runDir));
    }

    @Override
    public synchronized void logMetric(String key, double value, long step) {
        requireOpen();
        TrackingKeys.requireValidKey("metric", key);
        if (pending.add(key, value, step)) {
            flush();
        }
    }

    @Override
    public synchronized void logArtifact(Path file, String artifactPath) {
        requireOpen();
        store.lock().run(() -> {
            Path artifactsRoot = MlrunsLayout.folderOf(store.readRunMeta(runDir).artifactUri(),
                    runDir.resolve(MlrunsLayout.META));
            LocalArtifacts.copy(file, artifactPath, artifactsRoot, runDir, runId);
        });
    }

    @Override
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, StringBuilder> linesByKey = new LinkedHashMap<>();
        for (MetricPoint point : pending.points()) {
            linesByKey.computeIfAbsent(point.key(), k -> new StringBuilder()).append(MetricLines.format(point));
        }
        store.lock().run(() -> linesByKey.forEach(this::appendLines));
        pending.clear();
    }

    private void appendLines(String key, CharSequence lines) {
        Path file = runDir.resolve(MlrunsLayout.METRICS).resolve(key);
        byte[] existing = Files.isRegularFile(file) ? readBytes(file) : new byte[0];
        boolean needsNewline = existing.length > 0 && existing[existing.length - 1] != '\n';
        byte[] added = ((needsNewline ? "\n" : "") + lines).getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[existing.length + added.length];
        System.arraycopy(existing, 0, content, 0, existing.length);
        System.arraycopy(added, 0, content, existing.length, added.length);
        AtomicFiles.write(file, content, runDir);
    }

    @Override
    public synchronized void end(RunStatus status) {
        if (!status.isTerminal()) {
            throw new TrackingException("end status " + status + " is not terminal; allowed: FINISHED, FAILED, KILLED");
        }
        if (ended) {
            return;
        }
        flush();
        store.lock().run(() -> store.writeRunMeta(runDir, store.readRunMeta(runDir).withStatus(status, clock.millis())));
        ended = true;
        store.forget(this);
    }

    private void requireOpen() {
        if (ended) {
            throw new TrackingException("run " + runId + " has ended; nothing more can be logged to it");
        }
    }

    private static String readText(Path file) {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TrackingException("cannot read " + file + ": " + e, e);
        }
    }
}
