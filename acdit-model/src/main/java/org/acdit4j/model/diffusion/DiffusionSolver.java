package org.acdit4j.model.diffusion;

/**
 * A deterministic ODE solver of the reverse process for one block: called once per grid step with the
 * model's ε at the current point, it moves x (in place) to the next grid time.
 */
public interface DiffusionSolver {

    /** Moves {@code x} from {@code grid[k]} to {@code grid[k+1]} given ε predicted at {@code grid[k]}. */
    void step(int k, int[] grid, float[] x, float[] eps);

    /** A fresh solver for the next block (multistep solvers keep history). */
    DiffusionSolver fresh();
}
