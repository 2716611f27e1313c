package org.acdit4j.framework.testing;

import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.dsl.SamplerSection;

/** The test plugin's part of {@code sample}: a named solver and its steps, as a diffusion plugin has. */
public final class TestSamplerSection extends SamplerSection {

    String solver = "ddim";
    int steps = 25;

    @Override
    protected void validate(Problems problems) {
        problems.require(steps >= 1, "sample.steps", "must be at least 1, got " + steps);
    }

    @Override
    protected TestSampling freeze() {
        return new TestSampling(solver, steps);
    }
}
