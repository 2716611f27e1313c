package org.acdit4j.evaluators.precisionrecall;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/**
 * The metrics {@link PrecisionRecallEvaluator} writes, each logged at every guidance scale of
 * {@code evaluate.guidances}.
 */
public final class PrecisionRecallMetrics {

    /** The share of samples within the reference images' manifold. */
    static final MetricName PRECISION = new MetricName(PrecisionRecallEvaluator.NAME + ".precision");
    /** The share of reference images within the samples' manifold. */
    static final MetricName RECALL = new MetricName(PrecisionRecallEvaluator.NAME + ".recall");
    /** How many samples they were measured on. */
    static final MetricName SAMPLES = new MetricName(PrecisionRecallEvaluator.NAME + ".samples");
    /** How many reference images they were measured against. */
    static final MetricName REFERENCE_SAMPLES = new MetricName(PrecisionRecallEvaluator.NAME + ".referenceSamples");
    /** The neighbour whose distance is each feature's radius. */
    static final MetricName K = new MetricName(PrecisionRecallEvaluator.NAME + ".k");
    /** The quantile of the radii beyond which balls are left out. */
    static final MetricName RADIUS_QUANTILE = new MetricName(PrecisionRecallEvaluator.NAME + ".radiusQuantile");

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
