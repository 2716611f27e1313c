package org.acdit4j.model;

import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.dsl.SamplerSection;

/** ACDiT's part of {@code sample}: the diffusion solver and its steps per block. */
public final class DiffusionSamplerSection extends SamplerSection {

    String solver = DiffusionSampling.DDIM;
    int steps = 25;

    DiffusionSamplerSection() {
    }

    /** {@code ddim} or {@code dpm-solver++} (DPM-Solver++(2M)). */
    public DiffusionSamplerSection solver(String name) {
        this.solver = name;
        return this;
    }

    public DiffusionSamplerSection steps(int stepsPerBlock) {
        this.steps = stepsPerBlock;
        return this;
    }

    @Override
    protected void validate(Problems problems) {
        problems.oneOf("sample.solver", solver, DiffusionSampling.SOLVERS);
        problems.require(steps >= 1 && steps <= 1000, "sample.steps", "must be between 1 and 1000, got " + steps);
    }

    @Override
    protected DiffusionSampling freeze() {
        return new DiffusionSampling(solver, steps);
    }
}
