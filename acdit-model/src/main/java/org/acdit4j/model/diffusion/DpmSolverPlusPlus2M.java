package org.acdit4j.model.diffusion;

/**
 * DPM-Solver++(2M) with data prediction (Lu et al. 2022, "DPM-Solver++", Algorithm 2) on any Gaussian path
 * x = α·x₀ + σ·ε. With λ = log(α/σ) and h = λ_next - λ: x_next = (σ_next/σ)·x - α_next·(e^{-h} - 1)·D, where
 * D = x̂₀ at the first step and D = (1 + 1/(2r))·x̂₀ - 1/(2r)·x̂₀,prev with r = h_prev/h afterwards. The final step
 * to clean data (σ_next = 0) is first order: x = x̂₀. The rectified flow starts at α = 0 (λ = -∞): its first step is
 * x_next = σ_next·x + α_next·x̂₀, and the next one has r = ∞, i.e. first order too.
 */
public final class DpmSolverPlusPlus2M implements DiffusionSolver {

    private final DiffusionProcess process;
    private float[] previousX0;
    private double previousH;

    public DpmSolverPlusPlus2M(DiffusionProcess process) {
        this.process = process;
    }

    @Override
    public void step(int k, NoiseLevel[] grid, float[] x, Denoiser model) {
        NoiseLevel here = grid[k];
        NoiseLevel next = grid[k + 1];
        float[] prediction = model.predict(k, x);
        float[] x0 = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x0[i] = (float) process.dataEstimate(prediction[i], x[i], here);
        }
        if (next.sigma() == 0) {
            System.arraycopy(x0, 0, x, 0, x.length);
            previousX0 = x0;
            return;
        }
        double h = Math.log(next.alpha() / next.sigma()) - Math.log(here.alpha() / here.sigma());
        double c0 = 1.0;
        double c1 = 0.0;
        if (previousX0 != null) {
            double r = previousH / h;
            c0 = 1 + 1 / (2 * r);
            c1 = -1 / (2 * r);
        }
        double ratio = next.sigma() / here.sigma();
        double coef = -next.alpha() * Math.expm1(-h);
        for (int i = 0; i < x.length; i++) {
            double d = c0 * x0[i] + (previousX0 == null ? 0 : c1 * previousX0[i]);
            x[i] = (float) (ratio * x[i] + coef * d);
        }
        previousX0 = x0;
        previousH = h;
    }

    @Override
    public DiffusionSolver fresh() {
        return new DpmSolverPlusPlus2M(process);
    }
}
