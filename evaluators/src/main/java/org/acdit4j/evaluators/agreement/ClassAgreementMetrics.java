package org.acdit4j.evaluators.agreement;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/**
 * The metrics {@link ClassAgreementEvaluator} writes, each logged at every guidance scale of
 * {@code evaluate.guidances}.
 */
public final class ClassAgreementMetrics {

    /** The evaluator's registered name, the prefix of every metric name below. */
    public static final String EVALUATOR = "class-agreement";

    /** The share of samples the feature network classifies as their conditioning class. */
    static final MetricName CLASS_AGREEMENT = new MetricName(EVALUATOR);
    /** How many samples it was measured on. */
    static final MetricName SAMPLES = new MetricName(EVALUATOR + ".samples");
    /** The same share for encode→decode round trips of test images (models drawing through a lossy encoding). */
    static final MetricName RECONSTRUCTION = new MetricName(EVALUATOR + ".reconstruction");
    /** How many round trips that was measured on. */
    static final MetricName RECONSTRUCTION_SAMPLES =
            new MetricName(EVALUATOR + ".reconstruction.samples");

    /** All of them, what {@link ClassAgreementEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(CLASS_AGREEMENT, SAMPLES, RECONSTRUCTION, RECONSTRUCTION_SAMPLES);

    private ClassAgreementMetrics() {
    }

    /**
     * The share of samples the feature network classifies as their conditioning class, measured at the guidance scale
     * {@code guidance}.
     */
    public static MetricName at(double guidance) {
        return CLASS_AGREEMENT.at(guidance);
    }

    /** The same share for encode→decode round trips of test images, measured at the guidance scale {@code guidance}. */
    public static MetricName reconstructionAt(double guidance) {
        return RECONSTRUCTION.at(guidance);
    }
}
