package org.acdit4j.evaluators.finetune;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/** The metrics {@link FineTuneEvaluator} writes, measured once. */
public final class FineTuneMetrics {

    /** The evaluator's registered name, the prefix of every metric name below. */
    public static final String EVALUATOR = "fine-tune";

    /** Test accuracy of the fine-tuned classifier. */
    public static final MetricName ACCURACY = new MetricName(EVALUATOR + ".accuracy");
    /** Its fine-tuning steps. */
    public static final MetricName STEPS = new MetricName(EVALUATOR + ".steps");
    /** Its batch size. */
    public static final MetricName BATCH = new MetricName(EVALUATOR + ".batch");
    /** How many examples it was fine-tuned on. */
    public static final MetricName TRAIN_EXAMPLES = new MetricName(EVALUATOR + ".trainExamples");
    /** How many examples it was tested on. */
    public static final MetricName TEST_EXAMPLES = new MetricName(EVALUATOR + ".testExamples");
    /** Its loss over the last fine-tuning steps. */
    public static final MetricName TRAIN_LOSS = new MetricName(EVALUATOR + ".trainLoss");

    /** All of them, what {@link FineTuneEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(ACCURACY, STEPS, BATCH, TRAIN_EXAMPLES, TEST_EXAMPLES, TRAIN_LOSS);

    private FineTuneMetrics() {
    }
}
