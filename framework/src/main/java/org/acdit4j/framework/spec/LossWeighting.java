package org.acdit4j.framework.spec;

/**
 * How the training loss weighs each noise level ({@code train.lossWeighting}); bound from the command line by its
 * {@link #toString()} text.
 */
public enum LossWeighting {

    /** The plain MSE of the model's target (ε-MSE for ε-prediction). */
    UNIFORM("uniform"),
    /** Min-SNR-γ weighting (γ = 5): the x₀-loss weight clamped at γ, written for each target (Hang et al. 2023). */
    MIN_SNR("min-snr");

    private final String text;

    LossWeighting(String text) {
        this.text = text;
    }

    /** The weighting written {@code text}; an IllegalArgumentException listing the texts otherwise. */
    public static LossWeighting parse(String text) {
        return EnumTexts.parse(LossWeighting.class, text);
    }

    /** The text: {@code uniform} or {@code min-snr}. */
    @Override
    public String toString() {
        return text;
    }
}
