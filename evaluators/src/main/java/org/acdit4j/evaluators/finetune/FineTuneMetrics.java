package org.acdit4j.evaluators.finetune;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/** The metrics {@link FineTuneEvaluator} writes, measured once. */
public final class FineTuneMetrics {

    /** Test accuracy of the fine-tuned classifier. */
    public static final MetricName ACCURACY = new MetricName(FineTuneEvaluator.NAME + ".accuracy");
    /** Its fine-tuning steps. */
    public static final MetricName STEPS = new MetricName(FineTuneEvaluator.NAME + ".steps");
    /** Its batch size. */
    public static final MetricName BATCH = new MetricName(FineTuneEvaluator.NAME + ".batch");
    /** How many examples it was fine-tuned on. */
    public static final MetricName TRAIN_EXAMPLES = new MetricName(FineTuneEvaluator.NAME + ".trainExamples");
    /** How many examples it was tested on. */
    public static final MetricName TEST_EXAMPLES = new MetricName(FineTuneEvaluator.NAME + ".testExamples");
    /** Its loss over the last fine-tuning steps. */
    public static final MetricName TRAIN_LOSS = new MetricName(FineTuneEvaluator.NAME + ".trainLoss");

    /** All of them, what {@link FineTuneEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(ACCURACY, STEPS, BATCH, TRAIN_EXAMPLES, TEST_EXAMPLES, TRAIN_LOSS);

    private FineTuneMetrics() {
    }
}
