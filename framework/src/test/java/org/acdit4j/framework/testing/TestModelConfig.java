package org.acdit4j.framework.testing;

import org.acdit4j.framework.model.ModelConfig;

/** The test plugin's frozen configuration. */
public record TestModelConfig(int width, int depth, int heads, int patch, int blockSize, TestRope rope)
        implements ModelConfig {
}
