package org.acdit4j.framework.spec;

/** Which way a metric improves, so that a report can name the best configuration. */
public enum MetricDirection {
    /** Accuracy, class agreement, precision, recall. */
    HIGHER_IS_BETTER,
    /** FID, Fréchet distances, seconds per image. */
    LOWER_IS_BETTER;

    /** {@code higher is better}. */
    public String phrase() {
        return EnumTexts.words(this);
    }

    /** Whether {@code candidate} is better than {@code incumbent}. */
    public boolean better(double candidate, double incumbent) {
        return this == HIGHER_IS_BETTER ? candidate > incumbent : candidate < incumbent;
    }
}
