package org.acdit4j.model;

import java.util.List;
import org.acdit4j.framework.model.SamplerConfig;
import org.acdit4j.model.diffusion.DdimSolver;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.DiffusionProcess;
import org.acdit4j.model.diffusion.DiffusionSolver;
import org.acdit4j.model.diffusion.DpmSolverPlusPlus2M;
import org.acdit4j.model.diffusion.EulerSolver;
import org.acdit4j.model.diffusion.HeunSolver;

/**
 * How ACDiT draws each block: the diffusion solver and its number of steps per block. {@code ddim} and
 * {@code dpm-solver++} need only the path's α and σ and the estimates of x₀ and ε, so they sample every objective (on
 * the flow's path DDIM is exactly Euler); {@code euler} and {@code heun} integrate the flow's velocity and sample only
 * {@code model.objective=flow}.
 *
 * @param solver {@code ddim}, {@code dpm-solver++}, {@code euler} or {@code heun}
 * @param steps  solver steps per block
 */
public record DiffusionSampling(String solver, int steps) implements SamplerConfig {

    public static final String DDIM = "ddim";
    public static final String DPM_SOLVER_PLUS_PLUS = "dpm-solver++";
    public static final String EULER = "euler";
    public static final String HEUN = "heun";
    public static final List<String> SOLVERS = List.of(DDIM, DPM_SOLVER_PLUS_PLUS, EULER, HEUN);

    public DiffusionSampling {
        if (!SOLVERS.contains(solver)) {
            throw new IllegalArgumentException("sample.solver=" + solver + " is not one of " + SOLVERS);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("sample.steps must be >= 1, got " + steps);
        }
    }

    /** The solvers that sample models trained with {@code objective}. */
    public static List<String> solversFor(DiffusionObjective objective) {
        return objective == DiffusionObjective.FLOW ? SOLVERS : List.of(DDIM, DPM_SOLVER_PLUS_PLUS);
    }

    /** Why {@code solver} cannot sample a model trained with {@code objective}, or {@code null} when it can. */
    static String solverProblem(String solver, DiffusionObjective objective) {
        if (!SOLVERS.contains(solver) || solversFor(objective).contains(solver)) {
            return null;
        }
        return solver + " integrates the flow's velocity and needs model.objective=flow; with model.objective="
                + objective + " use one of " + String.join(", ", solversFor(objective));
    }

    /** This solver for a model trained with {@code objective}; a one-line error when it cannot sample it. */
    public DiffusionSolver solver(DiffusionObjective objective, DiffusionProcess process) {
        String problem = solverProblem(solver, objective);
        if (problem != null) {
            throw new IllegalArgumentException("sample.solver=" + problem);
        }
        return switch (solver) {
            case DDIM -> new DdimSolver(process);
            case DPM_SOLVER_PLUS_PLUS -> new DpmSolverPlusPlus2M(process);
            case EULER -> new EulerSolver();
            case HEUN -> new HeunSolver();
            default -> throw new IllegalStateException("DiffusionSampling admitted an unknown solver");
        };
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
