package org.acdit4j.framework.spec;

/**
 * How the learning rate moves after the linear warm-up ({@code train.schedule}); bound from the command line by its
 * {@link #toString()} text.
 */
public enum LearningRateSchedule {

    /** The peak rate until the last step. */
    CONSTANT("constant"),
    /** Cosine decay from the peak to 0 at the last step. */
    COSINE("cosine"),
    /** Warmup–stable–decay: the peak, then linear decay to 0 over the last {@code train.decayFraction} of the steps. */
    WSD("wsd");

    private final String text;

    LearningRateSchedule(String text) {
        this.text = text;
    }

    /** The schedule written {@code text}; an IllegalArgumentException listing the texts otherwise. */
    public static LearningRateSchedule parse(String text) {
        return EnumTexts.parse(LearningRateSchedule.class, text);
    }

    /** The text: {@code constant}, {@code cosine} or {@code wsd}. */
    @Override
    public String toString() {
        return text;
    }
}
