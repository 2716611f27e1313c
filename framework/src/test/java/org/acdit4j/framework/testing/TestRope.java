package org.acdit4j.framework.testing;

import org.acdit4j.framework.spec.EnumTexts;
import org.acdit4j.framework.spec.WrittenAs;

/** The test plugin's {@code model.rope}, written as a transformer plugin writes its RoPE modes. */
public enum TestRope {
    MULTI_AXIS, @WrittenAs("1d") ONE_D, NONE;

    @Override
    public String toString() {
        return EnumTexts.text(this);
    }
}
