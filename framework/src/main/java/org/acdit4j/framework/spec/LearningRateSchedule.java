package org.acdit4j.framework.spec;

/**
 * How the learning rate moves after the linear warm-up ({@code train.schedule}), written as its {@link EnumTexts#text}.
 */
public enum LearningRateSchedule {

    /** The peak rate until the last step. */
    CONSTANT,
    /** Cosine decay from the peak to 0 at the last step. */
    COSINE,
    /** Warmup–stable–decay: the peak, then linear decay to 0 over the last {@code train.decayFraction} of the steps. */
    WSD;

    /** The text: {@code constant}, {@code cosine} or {@code wsd}. */
    @Override
    public String toString() {
        return EnumTexts.text(this);
    }
}
