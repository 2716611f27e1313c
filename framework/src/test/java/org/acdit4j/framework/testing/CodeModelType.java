package org.acdit4j.framework.testing;

import org.acdit4j.framework.model.ModelType;

/**
 * A second model plugin for the framework's tests, shaped like a discrete-token AR model: it shares
 * {@code model.width}, {@code model.patch}, … with {@link TestModelType} but has no {@code model.blockSize}, adds
 * {@code model.codes}, and describes its patch otherwise, so a sweep case switching to it is what the block-size
 * trade-off's token-AR arm is to ACDiT.
 */
public final class CodeModelType {

    public static final String NAME = "code-ar";
    public static final ModelType<CodeModelSection, TestSamplerSection> TYPE = ModelType.of(NAME, CodeModelSection::new,
            TestSamplerSection::new);

    private CodeModelType() {
    }
}
