package org.acdit4j.model.diffusion;

/**
 * Euler's method on the rectified flow's ODE dx/dt = v from t = 1 to 0: x_next = x + (t_next - t)·v̂ (the
 * deterministic sampler of Liu et al. 2022 and SiT's ODE sampler at first order).
 */
public final class EulerSolver implements DiffusionSolver {

    @Override
    public void step(int k, NoiseLevel[] grid, float[] x, Denoiser model) {
        float[] velocity = model.predict(k, x);
        double dt = RectifiedFlow.time(grid[k + 1]) - RectifiedFlow.time(grid[k]);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] + dt * velocity[i]);
        }
    }

    @Override
    public DiffusionSolver fresh() {
        return new EulerSolver();
    }
}
