package org.acdit4j.model;

import java.util.List;
import org.acdit4j.framework.model.SamplerConfig;

/**
 * How ACDiT draws each block: the diffusion solver and its number of steps per block.
 *
 * @param solver {@code ddim} or {@code dpm-solver++}
 * @param steps  solver steps per block
 */
public record DiffusionSampling(String solver, int steps) implements SamplerConfig {

    public static final String DDIM = "ddim";
    public static final String DPM_SOLVER_PLUS_PLUS = "dpm-solver++";
    public static final List<String> SOLVERS = List.of(DDIM, DPM_SOLVER_PLUS_PLUS);

    public DiffusionSampling {
        if (!SOLVERS.contains(solver)) {
            throw new IllegalArgumentException("sample.solver=" + solver + " is not one of " + SOLVERS);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("sample.steps must be >= 1, got " + steps);
        }
    }

    /** {@code sampler} as ACDiT's settings; a one-line error if another model's settings reached ACDiT. */
    public static DiffusionSampling of(SamplerConfig sampler) {
        if (sampler instanceof DiffusionSampling diffusion) {
            return diffusion;
        }
        throw new IllegalArgumentException("ACDiT samples with a diffusion solver (sample.solver, sample.steps), got "
                + sampler);
    }
}
