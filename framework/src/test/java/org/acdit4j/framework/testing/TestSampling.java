package org.acdit4j.framework.testing;

import org.acdit4j.framework.model.SamplerConfig;

/** The test plugin's frozen sampling settings. */
public record TestSampling(String solver, int steps) implements SamplerConfig {
}
