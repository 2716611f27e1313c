package org.acdit4j.model.diffusion;

import org.acdit4j.framework.spec.EnumTexts;
import org.acdit4j.framework.spec.WrittenAs;

/**
 * The diffusion solver that draws each block ({@code sample.solver}); bound from the command line by its
 * {@link #toString()} text. {@code ddim} and {@code dpm-solver++} need only the path's α and σ and the estimates of x₀
 * and ε, so they sample every objective; {@code euler} and {@code heun} integrate the flow's velocity and sample only
 * {@link DiffusionObjective#FLOW}. docs/MODEL.md, "Solvers", gives each step and its source.
 */
public enum Solver {

    /** DDIM with η = 0 ({@link DdimSolver}); on the flow's path exactly Euler. */
    DDIM,
    /** DPM-Solver++(2M), data prediction in λ = log(α/σ) ({@link DpmSolverPlusPlus2M}). */
    @WrittenAs("dpm-solver++") DPM_SOLVER_PLUS_PLUS,
    /** Euler steps of the flow ODE dx/dt = v ({@link EulerSolver}). */
    EULER,
    /** Heun's second-order steps of the flow ODE, the last one Euler ({@link HeunSolver}). */
    HEUN;

    /** The text: {@code ddim}, {@code dpm-solver++}, {@code euler} or {@code heun}. */
    @Override
    public String toString() {
        return EnumTexts.text(this);
    }
}
