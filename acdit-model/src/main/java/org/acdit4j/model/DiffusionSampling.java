package org.acdit4j.model;

import java.util.List;
import java.util.stream.Collectors;
import org.acdit4j.framework.model.SamplerConfig;
import org.acdit4j.framework.spec.EnumTexts;
import org.acdit4j.model.diffusion.DdimSolver;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.DiffusionProcess;
import org.acdit4j.model.diffusion.DiffusionSolver;
import org.acdit4j.model.diffusion.DpmSolverPlusPlus2M;
import org.acdit4j.model.diffusion.EulerSolver;
import org.acdit4j.model.diffusion.HeunSolver;
import org.acdit4j.model.diffusion.Solver;

/**
 * How ACDiT draws each block: the diffusion solver and its number of steps per block. {@code ddim} and
 * {@code dpm-solver++} sample every objective; {@code euler} and {@code heun} sample only {@code model.objective=flow}
 * ({@link Solver}).
 *
 * @param solver {@code ddim}, {@code dpm-solver++}, {@code euler} or {@code heun}
 * @param steps  solver steps per block
 */
public record DiffusionSampling(Solver solver, int steps) implements SamplerConfig {

    public DiffusionSampling {
        if (solver == null) {
            throw new IllegalArgumentException("sample.solver must be one of " + EnumTexts.allowed(Solver.class));
        }
        if (steps < 1) {
            throw new IllegalArgumentException("sample.steps must be >= 1, got " + steps);
        }
    }

    /** The solvers that sample models trained with {@code objective}. */
    public static List<Solver> solversFor(DiffusionObjective objective) {
        return objective == DiffusionObjective.FLOW ? List.of(Solver.values())
                : List.of(Solver.DDIM, Solver.DPM_SOLVER_PLUS_PLUS);
    }

    /** Why {@code solver} cannot sample a model trained with {@code objective}, or {@code null} when it can. */
    static String solverProblem(Solver solver, DiffusionObjective objective) {
        if (solver == null || solversFor(objective).contains(solver)) {
            return null;
        }
        return solver + " integrates the flow's velocity and needs model.objective=flow; with model.objective="
                + objective + " use one of "
                + solversFor(objective).stream().map(Solver::toString).collect(Collectors.joining(", "));
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
