package org.acdit4j.model.diffusion;

/**
 * DDIM with η = 0 (Song et al. 2021, "Denoising Diffusion Implicit Models", Eq. 12): x_next = α_next·x̂₀ + σ_next·ε̂,
 * with x̂₀ and ε̂ read from the prediction by the objective's {@link DiffusionProcess}. On the rectified flow's path
 * (α = 1 - t, σ = t) this is exactly an Euler step of dx/dt = v.
 */
public final class DdimSolver implements DiffusionSolver {

    private final DiffusionProcess process;

    public DdimSolver(DiffusionProcess process) {
        this.process = process;
    }

    @Override
    public void step(int k, NoiseLevel[] grid, float[] x, Denoiser model) {
        NoiseLevel here = grid[k];
        NoiseLevel next = grid[k + 1];
        float[] prediction = model.predict(k, x);
        for (int i = 0; i < x.length; i++) {
            double x0 = process.dataEstimate(prediction[i], x[i], here);
            double eps = process.noiseEstimate(prediction[i], x[i], here);
            x[i] = (float) (next.alpha() * x0 + next.sigma() * eps);
        }
    }

    @Override
    public DiffusionSolver fresh() {
        return new DdimSolver(process);
    }
}
