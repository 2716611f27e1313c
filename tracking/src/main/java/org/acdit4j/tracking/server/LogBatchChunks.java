package org.acdit4j.tracking.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.acdit4j.tracking.MetricPoint;

/**
 * Splits pending params, tags and metric points into {@code runs/log-batch} requests within the server's
 * limits: at most 100 params, 100 tags, 1000 metrics and 1000 items in all, and well under the 1 MB request
 * limit (estimated from key and value lengths). Params and tags go first so that a run's configuration
 * arrives before its metrics.
 */
final class LogBatchChunks {

    static final int MAX_METRICS = 1000;
    static final int MAX_PARAMS = 100;
    static final int MAX_TAGS = 100;
    static final int MAX_ITEMS = 1000;
    static final int MAX_ESTIMATED_BYTES = 800_000;

    /** One request's share. */
    record Chunk(List<Map.Entry<String, String>> params, List<Map.Entry<String, String>> tags,
                 List<MetricPoint> metrics) {

        int size() {
            return params.size() + tags.size() + metrics.size();
        }
    }

    private LogBatchChunks() {
    }

    static List<Chunk> split(List<Map.Entry<String, String>> params, List<Map.Entry<String, String>> tags,
                             List<MetricPoint> metrics) {
        List<Chunk> chunks = new ArrayList<>();
        int p = 0;
        int t = 0;
        int m = 0;
        while (p < params.size() || t < tags.size() || m < metrics.size()) {
            int bytes = 0;
            List<Map.Entry<String, String>> chunkParams = new ArrayList<>();
            while (p < params.size() && chunkParams.size() < MAX_PARAMS
                    && fits(bytes, entryBytes(params.get(p)), chunkParams.isEmpty())) {
                bytes += entryBytes(params.get(p));
                chunkParams.add(params.get(p++));
            }
            List<Map.Entry<String, String>> chunkTags = new ArrayList<>();
            while (t < tags.size() && chunkTags.size() < MAX_TAGS
                    && fits(bytes, entryBytes(tags.get(t)), chunkParams.isEmpty() && chunkTags.isEmpty())) {
                bytes += entryBytes(tags.get(t));
                chunkTags.add(tags.get(t++));
            }
            List<MetricPoint> chunkMetrics = new ArrayList<>();
            int room = Math.min(MAX_METRICS, MAX_ITEMS - chunkParams.size() - chunkTags.size());
            while (m < metrics.size() && chunkMetrics.size() < room
                    && fits(bytes, metricBytes(metrics.get(m)), false)) {
                bytes += metricBytes(metrics.get(m));
                chunkMetrics.add(metrics.get(m++));
            }
            chunks.add(new Chunk(chunkParams, chunkTags, chunkMetrics));
        }
        return chunks;
    }

    private static boolean fits(int bytes, int more, boolean firstOfChunk) {
        return firstOfChunk || bytes + more <= MAX_ESTIMATED_BYTES;
    }

    private static int entryBytes(Map.Entry<String, String> entry) {
        return 32 + 2 * (entry.getKey().length() + entry.getValue().length());
    }

    private static int metricBytes(MetricPoint point) {
        return 96 + 2 * point.key().length();
    }
}
