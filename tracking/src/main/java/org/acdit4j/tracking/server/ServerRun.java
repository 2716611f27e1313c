package org.acdit4j.tracking.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.tracking.ArtifactPath;
import org.acdit4j.tracking.CheckedRun;
import org.acdit4j.tracking.MetricPoint;
import org.acdit4j.tracking.TrackingException;
import org.mlflow.api.proto.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open run on a tracking server. Params, tags, metric points and artifacts wait in memory until they are
 * delivered: metrics in batches (see {@link ServerSettings#buffering()}), the rest at once. When the server
 * does not answer, nothing is thrown: the data stays buffered, further attempts back off, and what is still
 * missing when the run ends is logged as one warning and returned by {@link #undelivered()}. Data the server
 * rejects (HTTP 4xx) is not retried and is reported the same way.
 */
final class ServerRun extends CheckedRun {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRun.class);

    private record PendingArtifact(Path file, String relativePath) {
    }

    private final ServerConnection server;
    private final String artifactUri;
    private final Deque<MetricPoint> pendingMetrics = new ArrayDeque<>();
    private final Map<String, String> pendingParams = new LinkedHashMap<>();
    private final Map<String, String> pendingTags = new LinkedHashMap<>();
    private final List<PendingArtifact> pendingArtifacts = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private final Map<String, Long> droppedPoints = new TreeMap<>();
    private int consecutiveFailures;
    private long nextAttemptMillis;
    private String lastError;
    private String unrecordedEnd;

    ServerRun(ServerConnection server, Service.RunInfo info, LoggedSteps logged, Consumer<? super CheckedRun> onEnd) {
        super(info.getRunId(), info.getExperimentId(), logged, onEnd);
        this.server = server;
        this.artifactUri = info.getArtifactUri();
    }

    @Override
    protected void storeParams(Map<String, String> params) {
        pendingParams.putAll(params);
        deliver(false);
    }

    @Override
    protected void storeTags(Map<String, String> tags) {
        pendingTags.putAll(tags);
        deliver(false);
    }

    @Override
    protected void storeMetric(String key, double value, long step) {
        if (pendingMetrics.size() >= server.settings().maxBufferedPoints()) {
            MetricPoint dropped = pendingMetrics.removeFirst();
            if (droppedPoints.isEmpty()) {
                LOG.warn("Run {}: {} metric points are waiting for {}; dropping the oldest from now on",
                        runId(), pendingMetrics.size() + 1, server.credentials().host());
            }
            droppedPoints.merge(dropped.key(), 1L, Long::sum);
        }
        long now = server.clock().millis();
        pendingMetrics.addLast(new MetricPoint(key, value, now, step));
        if (server.settings().buffering().isDue(pendingMetrics.size(), pendingMetrics.getFirst().timestampMillis(), now)) {
            deliver(false);
        }
    }

    @Override
    protected void storeArtifact(Path file, String artifactPath) {
        ArtifactPath folder = ArtifactPath.parse(artifactPath);
        if (!Files.isRegularFile(file)) {
            throw new TrackingException("artifact source " + file + " is not a regular file; only files can be logged");
        }
        String relativePath = folder.resolve(file.getFileName().toString());
        if (!ArtifactUploader.proxied(artifactUri)) {
            String line = "artifact '" + relativePath + "' not uploaded: the run's artifact location '" + artifactUri
                    + "' is not served by the tracking server (start it with --serve-artifacts)";
            LOG.warn("Run {}: {}", runId(), line);
            rejected.add(line);
            return;
        }
        pendingArtifacts.add(new PendingArtifact(file.toAbsolutePath(), relativePath));
        deliver(false);
    }

    @Override
    public synchronized void flush() {
        deliver(true);
    }

    @Override
    protected void storeEnd(RunStatus status) {
        try {
            server.calls().run("end of run " + runId(), () -> server.client().setTerminated(runId(),
                    Service.RunStatus.valueOf(status.mlflowName()), server.clock().millis()));
        } catch (ServerCallException e) {
            unrecordedEnd = "end status " + status + " not recorded: " + e.getMessage();
        }
        warnAboutUndelivered("ended " + status);
    }

    /** Flushes and warns about what is missing, leaving the run open on the server (used on close). */
    synchronized void flushForClose() {
        if (!hasEnded()) {
            deliver(true);
            warnAboutUndelivered("left open");
        }
    }

    @Override
    public synchronized List<String> undelivered() {
        List<String> lines = new ArrayList<>();
        String reason = lastError == null ? "" : ": " + lastError;
        if (!pendingMetrics.isEmpty()) {
            long firstStep = pendingMetrics.stream().mapToLong(MetricPoint::step).min().orElse(0);
            long lastStep = pendingMetrics.stream().mapToLong(MetricPoint::step).max().orElse(0);
            lines.add(pendingMetrics.size() + " metric points of " + keys(pendingMetrics.stream().map(MetricPoint::key)
                    .toList()) + " (steps " + firstStep + ".." + lastStep + ") not sent" + reason);
        }
        droppedPoints.forEach((key, count) -> lines.add(count + " metric points of " + key
                + " dropped because " + server.settings().maxBufferedPoints() + " points were already waiting"));
        if (!pendingParams.isEmpty()) {
            lines.add("params " + keys(pendingParams.keySet()) + " not sent" + reason);
        }
        if (!pendingTags.isEmpty()) {
            lines.add("tags " + keys(pendingTags.keySet()) + " not sent" + reason);
        }
        pendingArtifacts.forEach(a -> lines.add("artifact '" + a.relativePath() + "' (from " + a.file()
                + ") not uploaded" + reason));
        lines.addAll(rejected);
        if (unrecordedEnd != null) {
            lines.add(unrecordedEnd);
        }
        return lines;
    }

    private void deliver(boolean force) {
        if (!force && server.clock().millis() < nextAttemptMillis) {
            return;
        }
        if (pendingMetrics.isEmpty() && pendingParams.isEmpty() && pendingTags.isEmpty() && pendingArtifacts.isEmpty()) {
            return;
        }
        try {
            sendBatches();
            sendArtifacts();
            if (consecutiveFailures > 0) {
                LOG.info("Run {}: {} answers again, buffered data delivered", runId(), server.credentials().host());
            }
            consecutiveFailures = 0;
            nextAttemptMillis = 0;
            lastError = null;
        } catch (ServerCallException e) {
            consecutiveFailures++;
            lastError = e.getMessage();
            nextAttemptMillis = server.clock().millis() + server.settings().retryDelayMillis(consecutiveFailures);
            if (consecutiveFailures == 1) {
                LOG.warn("Run {}: tracking server not reachable ({}); training goes on, {} metric points stay "
                        + "buffered and will be retried", runId(), e.getMessage(), pendingMetrics.size());
            }
        }
    }

    private void sendBatches() {
        List<LogBatchChunks.Chunk> chunks = LogBatchChunks.split(new ArrayList<>(pendingParams.entrySet()),
                new ArrayList<>(pendingTags.entrySet()), new ArrayList<>(pendingMetrics));
        for (LogBatchChunks.Chunk chunk : chunks) {
            try {
                server.calls().run("log-batch of run " + runId(), () -> server.client().logBatch(runId(),
                        chunk.metrics().stream().map(ServerRun::toProto).toList(),
                        chunk.params().stream().map(p -> Service.Param.newBuilder().setKey(p.getKey())
                                .setValue(p.getValue()).build()).toList(),
                        chunk.tags().stream().map(t -> Service.RunTag.newBuilder().setKey(t.getKey())
                                .setValue(t.getValue()).build()).toList()));
            } catch (ServerCallException e) {
                if (e.retryable()) {
                    throw e;
                }
                rejected.add(chunk.size() + " items (params " + keys(chunk.params().stream().map(Map.Entry::getKey)
                        .toList()) + ", tags " + keys(chunk.tags().stream().map(Map.Entry::getKey).toList())
                        + ", " + chunk.metrics().size() + " metric points) rejected by the server: " + e.getMessage());
                LOG.warn("Run {}: {}", runId(), rejected.get(rejected.size() - 1));
            }
            chunk.params().forEach(p -> pendingParams.remove(p.getKey(), p.getValue()));
            chunk.tags().forEach(t -> pendingTags.remove(t.getKey(), t.getValue()));
            for (int i = 0; i < chunk.metrics().size(); i++) {
                pendingMetrics.removeFirst();
            }
        }
    }

    private void sendArtifacts() {
        for (Iterator<PendingArtifact> it = pendingArtifacts.iterator(); it.hasNext(); ) {
            PendingArtifact artifact = it.next();
            if (!Files.isRegularFile(artifact.file())) {
                rejected.add("artifact '" + artifact.relativePath() + "' not uploaded: " + artifact.file()
                        + " no longer exists");
            } else {
                try {
                    server.uploader().upload(artifactUri, artifact.relativePath(), artifact.file());
                } catch (ServerCallException e) {
                    if (e.retryable()) {
                        throw e;
                    }
                    rejected.add("artifact '" + artifact.relativePath() + "' rejected by the server: " + e.getMessage());
                }
            }
            it.remove();
        }
    }

    private void warnAboutUndelivered(String how) {
        List<String> missing = undelivered();
        if (!missing.isEmpty()) {
            LOG.warn("Run {} {} with data the tracking server {} did not get: {}", runId(), how,
                    server.credentials().host(), String.join("; ", missing));
        }
    }

    private static Service.Metric toProto(MetricPoint point) {
        return Service.Metric.newBuilder().setKey(point.key()).setValue(point.value())
                .setTimestamp(point.timestampMillis()).setStep(point.step()).build();
    }

    private static String keys(java.util.Collection<String> keys) {
        return String.join(", ", new TreeSet<>(keys));
    }
}
