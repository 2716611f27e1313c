package org.acdit4j.evaluators.probe;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/** The metrics {@link LinearProbeEvaluator} writes, measured once. */
public final class LinearProbeMetrics {

    /** The evaluator's registered name, the prefix of every metric name below. */
    public static final String EVALUATOR = "linear-probe";

    /** Test accuracy of the probe on the model's encoded features. */
    public static final MetricName ACCURACY = new MetricName(EVALUATOR + ".accuracy");
    /** Test accuracy of the same probe on raw pixels. */
    public static final MetricName RAW_PIXEL_ACCURACY = new MetricName(EVALUATOR + ".rawPixelAccuracy");
    /** How many examples the probe was fitted on. */
    public static final MetricName TRAIN_EXAMPLES = new MetricName(EVALUATOR + ".trainExamples");
    /** How many examples it was tested on. */
    public static final MetricName TEST_EXAMPLES = new MetricName(EVALUATOR + ".testExamples");

    /** All of them, what {@link LinearProbeEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(ACCURACY, RAW_PIXEL_ACCURACY, TRAIN_EXAMPLES, TEST_EXAMPLES);

    private LinearProbeMetrics() {
    }
}
