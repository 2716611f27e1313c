package org.acdit4j.model;

import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.dsl.SamplerSection;
import org.acdit4j.model.diffusion.Solver;

/** ACDiT's part of {@code sample}: the diffusion solver and its steps per block. */
public final class DiffusionSamplerSection extends SamplerSection {

    Solver solver = Solver.DDIM;
    int steps = 25;

    DiffusionSamplerSection() {
    }

    /** {@code ddim}, {@code dpm-solver++} (DPM-Solver++(2M)), or for the flow also {@code euler} or {@code heun}. */
    public DiffusionSamplerSection solver(Solver solver) {
        this.solver = solver;
        return this;
    }

    public DiffusionSamplerSection steps(int stepsPerBlock) {
        this.steps = stepsPerBlock;
        return this;
    }

    @Override
    protected void validate(Problems problems) {
        problems.require(steps >= 1 && steps <= 1000, "sample.steps", "must be between 1 and 1000, got " + steps);
    }

    @Override
    protected DiffusionSampling freeze() {
        return new DiffusionSampling(solver, steps);
    }
}
