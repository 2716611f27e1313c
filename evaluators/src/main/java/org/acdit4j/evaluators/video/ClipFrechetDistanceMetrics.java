package org.acdit4j.evaluators.video;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/**
 * The metrics {@link ClipFrechetDistanceEvaluator} writes, each logged at every guidance scale of
 * {@code evaluate.guidances}.
 */
public final class ClipFrechetDistanceMetrics {

    /** The evaluator's registered name, the prefix of every metric name below. */
    public static final String EVALUATOR = "clip-fd";

    /** The Fréchet distance between whole generated and real clips. */
    static final MetricName CLIP_FD = new MetricName(EVALUATOR);
    /** How many clips it was measured on. */
    static final MetricName SAMPLES = new MetricName(EVALUATOR + ".samples");
    /** The dimension of a clip's features. */
    static final MetricName DIMENSION = new MetricName(EVALUATOR + ".dimension");

    /** All of them, what {@link ClipFrechetDistanceEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(CLIP_FD, SAMPLES, DIMENSION);

    private ClipFrechetDistanceMetrics() {
    }

    /** The Fréchet distance between whole generated and real clips, measured at the guidance scale {@code guidance}. */
    public static MetricName at(double guidance) {
        return CLIP_FD.at(guidance);
    }
}
