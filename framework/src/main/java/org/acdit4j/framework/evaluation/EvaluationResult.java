package org.acdit4j.framework.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an evaluator reports: numeric metrics (keys prefixed with the evaluator's name, e.g. {@code fid},
 * {@code fid.samples}), string tags that qualify them (e.g. {@code fid.featureNetwork} = the SHA-256 of the
 * feature network; metrics with different fingerprints are never compared) and files it wrote.
 */
public record EvaluationResult(Map<String, Double> metrics, Map<String, String> tags, List<Path> artifacts) {

    public EvaluationResult {
        metrics = Map.copyOf(metrics);
        tags = Map.copyOf(tags);
        artifacts = List.copyOf(artifacts);
    }

    public double metric(String key) {
        Double value = metrics.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no metric " + key + "; reported: " + metrics.keySet());
        }
        return value;
    }
}
