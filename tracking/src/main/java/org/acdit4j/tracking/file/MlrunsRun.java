package org.acdit4j.tracking.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.tracking.CheckedRun;
import org.acdit4j.tracking.LocalArtifacts;
import org.acdit4j.tracking.LocalRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.MetricPoint;
import org.acdit4j.tracking.RunSource;
import org.acdit4j.tracking.TrackingException;

/**
 * An open run of an {@link MlrunsStore}. Params, tags, meta.yaml and artifacts are written at once, each file
 * atomically; metric points are buffered and written by rewriting each metric file atomically under the
 * store lock, so concurrent writers never lose a line and a reader never sees half of one.
 */
final class MlrunsRun extends LocalRun {

    private final MlrunsStore store;
    private final Path runDir;

    MlrunsRun(MlrunsStore store, Path runDir, RunMeta meta, Clock clock, MetricBuffering buffering, LoggedSteps logged,
              Consumer<? super CheckedRun> onEnd) {
        super(meta.runId(), meta.experimentId(), logged, onEnd, clock, buffering);
        this.store = store;
        this.runDir = runDir;
    }

    @Override
    protected void storeParams(Map<String, String> params) {
        store.lock().run(() -> params.forEach(this::writeParam));
    }

    private void writeParam(String key, String value) {
        Path file = runDir.resolve(MlrunsLayout.PARAMS).resolve(key);
        if (Files.isRegularFile(file)) {
            String existing = readText(file);
            if (existing.equals(value)) {
                return;
            }
            throw changedParam(key, existing, value);
        }
        AtomicFiles.write(file, value.getBytes(StandardCharsets.UTF_8), runDir);
    }

    @Override
    protected void storeTags(Map<String, String> tags) {
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
    protected void storeArtifact(Path file, String artifactPath) {
        store.lock().run(() -> {
            Path artifactsRoot = MlrunsLayout.folderOf(store.readRunMeta(runDir).artifactUri(),
                    runDir.resolve(MlrunsLayout.META));
            LocalArtifacts.copy(file, artifactPath, artifactsRoot, runDir, runId());
        });
    }

    @Override
    protected void writeMetrics(List<MetricPoint> points) {
        Map<String, StringBuilder> linesByKey = new LinkedHashMap<>();
        for (MetricPoint point : points) {
            linesByKey.computeIfAbsent(point.key(), k -> new StringBuilder()).append(MetricLines.format(point));
        }
        store.lock().run(() -> linesByKey.forEach(this::appendLines));
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
    protected void storeEnd(RunStatus status) {
        store.lock().run(() -> store.writeRunMeta(runDir, store.readRunMeta(runDir).withStatus(status, nowMillis())));
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
