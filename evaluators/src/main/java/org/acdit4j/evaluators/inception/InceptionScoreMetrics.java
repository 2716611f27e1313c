package org.acdit4j.evaluators.inception;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/**
 * The metrics {@link InceptionScoreEvaluator} writes, each logged at every guidance scale of
 * {@code evaluate.guidances}.
 */
public final class InceptionScoreMetrics {

    /** The evaluator's registered name, the prefix of every metric name below. */
    public static final String EVALUATOR = "inception-score";

    /** The inception score of the samples. */
    static final MetricName INCEPTION_SCORE = new MetricName(EVALUATOR);
    /** How many samples it was measured on. */
    static final MetricName SAMPLES = new MetricName(EVALUATOR + ".samples");

    /** All of them, what {@link InceptionScoreEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(INCEPTION_SCORE, SAMPLES);

    private InceptionScoreMetrics() {
    }

    /** The inception score of the samples, measured at the guidance scale {@code guidance}. */
    public static MetricName at(double guidance) {
        return INCEPTION_SCORE.at(guidance);
    }
}
