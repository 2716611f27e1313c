package org.acdit4j.model.diffusion;

/**
 * A deterministic ODE solver of the reverse process for one block: called once per grid step, it asks the model for
 * predictions (once, or twice for a second-order single-step method) and moves x (in place) to the next grid point.
 */
public interface DiffusionSolver {

    /** Moves {@code x} from {@code grid[k]} to {@code grid[k+1]}, evaluating {@code model} at grid points. */
    void step(int k, NoiseLevel[] grid, float[] x, Denoiser model);

    /** A fresh solver for the next block (multistep solvers keep history). */
    DiffusionSolver fresh();

    /** How many times a {@code steps}-step solve evaluates the model. */
    default int evaluations(int steps) {
        return steps;
    }
}
