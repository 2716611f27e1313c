package org.acdit4j.framework.testing;

/** The test plugin's {@code model.rope}, written as a transformer plugin writes its RoPE modes. */
public enum TestRope {
    MULTI_AXIS("multi-axis"), ONE_D("1d"), NONE("none");

    private final String text;

    TestRope(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
