package org.acdit4j.evaluators.fid;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/** The metrics {@link FidEvaluator} writes, each logged at every guidance scale of {@code evaluate.guidances}. */
public final class FidMetrics {

    /** The evaluator's registered name, the prefix of every metric name below. */
    public static final String EVALUATOR = "fid";

    /** The FID of the samples. */
    static final MetricName FID = new MetricName(EVALUATOR);
    /** How many samples it was measured on. */
    static final MetricName SAMPLES = new MetricName(EVALUATOR + ".samples");
    /** How many reference images it was measured against. */
    static final MetricName REFERENCE_SAMPLES = new MetricName(EVALUATOR + ".referenceSamples");
    /** The FID of encode→decode round trips of test images (models drawing through a lossy encoding). */
    static final MetricName RECONSTRUCTION = new MetricName(EVALUATOR + ".reconstruction");
    /** How many round trips that was measured on. */
    static final MetricName RECONSTRUCTION_SAMPLES = new MetricName(EVALUATOR + ".reconstruction.samples");

    /** All of them, what {@link FidEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(FID, SAMPLES, REFERENCE_SAMPLES, RECONSTRUCTION,
            RECONSTRUCTION_SAMPLES);

    private FidMetrics() {
    }

    /** The FID of the samples, measured at the guidance scale {@code guidance}. */
    public static MetricName at(double guidance) {
        return FID.at(guidance);
    }

    /** The FID of encode→decode round trips of test images, measured at the guidance scale {@code guidance}. */
    public static MetricName reconstructionAt(double guidance) {
        return RECONSTRUCTION.at(guidance);
    }
}
