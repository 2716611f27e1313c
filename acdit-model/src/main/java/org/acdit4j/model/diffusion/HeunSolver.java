package org.acdit4j.model.diffusion;

/**
 * Heun's second-order method on the rectified flow's ODE dx/dt = v (as in Karras et al. 2022, "Elucidating the
 * Design Space of Diffusion-Based Generative Models", Algorithm 1, and SiT's "heun2" ODE sampler): an Euler
 * predictor x̃ = x + Δt·v̂(x, t), then x_next = x + Δt·(v̂(x, t) + v̂(x̃, t_next))/2. The last step, to t = 0, stays
 * Euler (as in Karras et al.), so {@code S} steps cost {@code 2S - 1} model evaluations.
 */
public final class HeunSolver implements DiffusionSolver {

    @Override
    public void step(int k, NoiseLevel[] grid, float[] x, Denoiser model) {
        float[] velocity = model.predict(k, x);
        double dt = RectifiedFlow.time(grid[k + 1]) - RectifiedFlow.time(grid[k]);
        float[] predicted = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            predicted[i] = (float) (x[i] + dt * velocity[i]);
        }
        if (k + 1 == grid.length - 1) {
            System.arraycopy(predicted, 0, x, 0, x.length);
            return;
        }
        float[] corrected = model.predict(k + 1, predicted);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] + dt * 0.5 * (velocity[i] + corrected[i]));
        }
    }

    @Override
    public DiffusionSolver fresh() {
        return new HeunSolver();
    }

    @Override
    public int evaluations(int steps) {
        return 2 * steps - 1;
    }
}
