package org.acdit4j.framework.spec;

import org.acdit4j.framework.model.ModelConfig;

/**
 * The model section of an experiment: the registered model and its plugin's frozen configuration.
 *
 * @param name   registered model name ({@code model.name}), e.g. {@code acdit}
 * @param config the plugin's configuration; its fields are the other {@code model.*} keys
 */
public record ModelSpec(String name, ModelConfig config) {
}
