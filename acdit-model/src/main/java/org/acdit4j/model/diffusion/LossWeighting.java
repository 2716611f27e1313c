package org.acdit4j.model.diffusion;

import org.acdit4j.framework.spec.EnumTexts;

/**
 * How ACDiT's training loss weighs each noise level ({@code model.lossWeighting}, until issue 31
 * {@code train.lossWeighting}), written as its {@link EnumTexts#text}.
 */
public enum LossWeighting {

    /** The plain MSE of the model's target (ε-MSE for ε-prediction). */
    UNIFORM,
    /** Min-SNR-γ weighting (γ = 5): the x₀-loss weight clamped at γ, written for each target (Hang et al. 2023). */
    MIN_SNR;

    /** The text: {@code uniform} or {@code min-snr}. */
    @Override
    public String toString() {
        return EnumTexts.text(this);
    }
}
