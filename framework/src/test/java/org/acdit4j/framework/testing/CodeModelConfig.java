package org.acdit4j.framework.testing;

import org.acdit4j.framework.model.ModelConfig;

/** {@link CodeModelType}'s frozen configuration. */
public record CodeModelConfig(int width, int depth, int heads, int patch, int codes) implements ModelConfig {
}
