package org.acdit4j.framework.model;

/**
 * A model plugin's own sampling settings (a diffusion solver and its steps, or a temperature and top-k): an
 * immutable value made by the plugin's {@link org.acdit4j.framework.dsl.SamplerSection}, passed back to the model
 * in every {@link SampleRequest}. Equal settings must be equal values: evaluators share samples drawn with them.
 */
public interface SamplerConfig {
}
