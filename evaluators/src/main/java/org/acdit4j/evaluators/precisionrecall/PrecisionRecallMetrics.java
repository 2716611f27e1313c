package org.acdit4j.evaluators.precisionrecall;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/**
 * The metrics {@link PrecisionRecallEvaluator} writes, each logged at every guidance scale of
 * {@code evaluate.guidances}.
 */
public final class PrecisionRecallMetrics {

    /** The evaluator's registered name, the prefix of every metric name below. */
    public static final String EVALUATOR = "precision-recall";

    /** The share of samples within the reference images' manifold. */
    static final MetricName PRECISION = new MetricName(EVALUATOR + ".precision");
    /** The share of reference images within the samples' manifold. */
    static final MetricName RECALL = new MetricName(EVALUATOR + ".recall");
    /** How many samples they were measured on. */
    static final MetricName SAMPLES = new MetricName(EVALUATOR + ".samples");
    /** How many reference images they were measured against. */
    static final MetricName REFERENCE_SAMPLES = new MetricName(EVALUATOR + ".referenceSamples");
    /** The neighbour whose distance is each feature's radius. */
    static final MetricName K = new MetricName(EVALUATOR + ".k");
    /** The quantile of the radii beyond which balls are left out. */
    static final MetricName RADIUS_QUANTILE = new MetricName(EVALUATOR + ".radiusQuantile");

    /** All of them, what {@link PrecisionRecallEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(PRECISION, RECALL, SAMPLES, REFERENCE_SAMPLES, K, RADIUS_QUANTILE);

    private PrecisionRecallMetrics() {
    }

    /** The share of samples within the reference images' manifold, measured at the guidance scale {@code guidance}. */
    public static MetricName precisionAt(double guidance) {
        return PRECISION.at(guidance);
    }

    /** The share of reference images within the samples' manifold, measured at the guidance scale {@code guidance}. */
    public static MetricName recallAt(double guidance) {
        return RECALL.at(guidance);
    }
}
