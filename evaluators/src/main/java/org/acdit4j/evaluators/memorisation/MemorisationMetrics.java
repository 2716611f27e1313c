package org.acdit4j.evaluators.memorisation;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/**
 * The metrics {@link MemorisationEvaluator} writes, each logged at every guidance scale of {@code evaluate.guidances}.
 */
public final class MemorisationMetrics {

    /** The evaluator's registered name, the prefix of every metric name below. */
    public static final String EVALUATOR = "memorisation";

    /** The share of samples nearer a training image than 95% of test images are. */
    static final MetricName NEARER_THAN_TEST_P5 = new MetricName(EVALUATOR + ".nearerThanTestP5");
    /** That distance, the 5th percentile of the test images'. */
    static final MetricName TEST_P5 = new MetricName(EVALUATOR + ".testP5");
    /** The samples' median distance to their nearest training image. */
    static final MetricName MEDIAN_DISTANCE = new MetricName(EVALUATOR + ".medianDistance");
    /** The test images' median distance to their nearest training image. */
    static final MetricName TEST_MEDIAN_DISTANCE = new MetricName(EVALUATOR + ".test.medianDistance");
    /** The samples' median distance over the test images'. */
    static final MetricName MEDIAN_RATIO = new MetricName(EVALUATOR + ".medianRatio");
    /** The share of samples that copy a training image pixel for pixel. */
    static final MetricName PIXEL_COPIES = new MetricName(EVALUATOR + ".pixelCopies");
    /** The share of test images that do. */
    static final MetricName TEST_PIXEL_COPIES = new MetricName(EVALUATOR + ".test.pixelCopies");
    /** The share of samples that copy a training image code for code (models drawing discrete codes). */
    static final MetricName TOKEN_COPIES = new MetricName(EVALUATOR + ".tokenCopies");
    /** The share of test images that do. */
    static final MetricName TEST_TOKEN_COPIES = new MetricName(EVALUATOR + ".test.tokenCopies");
    /** How many samples were measured. */
    static final MetricName SAMPLES = new MetricName(EVALUATOR + ".samples");
    /** How many test images were measured. */
    static final MetricName TEST_SAMPLES = new MetricName(EVALUATOR + ".testSamples");
    /** How many training images they were compared with. */
    static final MetricName TRAIN_IMAGES = new MetricName(EVALUATOR + ".trainImages");

    /** All of them, what {@link MemorisationEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(NEARER_THAN_TEST_P5, TEST_P5, MEDIAN_DISTANCE, TEST_MEDIAN_DISTANCE,
            MEDIAN_RATIO, PIXEL_COPIES, TEST_PIXEL_COPIES, TOKEN_COPIES, TEST_TOKEN_COPIES, SAMPLES, TEST_SAMPLES,
            TRAIN_IMAGES);

    private MemorisationMetrics() {
    }

    /**
     * The share of samples nearer a training image than 95% of test images are, measured at the guidance scale
     * {@code guidance}.
     */
    public static MetricName nearerThanTestP5At(double guidance) {
        return NEARER_THAN_TEST_P5.at(guidance);
    }

    /** The samples' median distance over the test images', measured at the guidance scale {@code guidance}. */
    public static MetricName medianRatioAt(double guidance) {
        return MEDIAN_RATIO.at(guidance);
    }

    /**
     * The share of samples that copy a training image pixel for pixel, measured at the guidance scale {@code guidance}.
     */
    public static MetricName pixelCopiesAt(double guidance) {
        return PIXEL_COPIES.at(guidance);
    }

    /**
     * The share of samples that copy a training image code for code, measured at the guidance scale {@code guidance}.
     */
    public static MetricName tokenCopiesAt(double guidance) {
        return TOKEN_COPIES.at(guidance);
    }

    /**
     * The share of held-out test images that copy a training image code for code (the rate a sample would show by
     * chance), measured at the guidance scale {@code guidance}.
     */
    public static MetricName testTokenCopiesAt(double guidance) {
        return TEST_TOKEN_COPIES.at(guidance);
    }
}
