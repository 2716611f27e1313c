package org.acdit4j.model;

import org.acdit4j.framework.spec.EnumTexts;

/**
 * What the blocks a block attends to hold ({@code model.context}); bound from the command line by its
 * {@link #toString()} text.
 */
public enum ContextMode {

    /** The paper: the clean tokens of the earlier blocks. */
    CLEAN("clean"),
    /**
     * Ablation: the context copy of each block is its noised copy (same noise level and noise as the noised block);
     * at sampling time each finished block is re-noised at a level drawn as in training before it becomes context.
     */
    NOISY("noisy");

    private final String text;

    ContextMode(String text) {
        this.text = text;
    }

    /** The mode written {@code text}; an IllegalArgumentException listing the texts otherwise. */
    public static ContextMode parse(String text) {
        return EnumTexts.parse(ContextMode.class, text);
    }

    /** The text: {@code clean} or {@code noisy}. */
    @Override
    public String toString() {
        return text;
    }
}
