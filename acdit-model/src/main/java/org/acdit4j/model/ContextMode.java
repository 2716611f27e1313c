package org.acdit4j.model;

import org.acdit4j.framework.spec.EnumTexts;

/**
 * What the blocks a block attends to hold ({@code model.context}); written as its {@link EnumTexts#text}.
 */
public enum ContextMode {

    /** The paper: the clean tokens of the earlier blocks. */
    CLEAN,
    /**
     * Ablation: the context copy of each block is its noised copy (same noise level and noise as the noised block);
     * at sampling time each finished block is re-noised at a level drawn as in training before it becomes context.
     */
    NOISY;

    /** The text: {@code clean} or {@code noisy}. */
    @Override
    public String toString() {
        return EnumTexts.text(this);
    }
}
