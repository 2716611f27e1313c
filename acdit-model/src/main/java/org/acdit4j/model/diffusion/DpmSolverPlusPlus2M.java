package org.acdit4j.model.diffusion;

/**
 * DPM-Solver++(2M) with data prediction (Lu et al. 2022), on the discrete DDPM schedule. With α = √ᾱ,
 * σ = √(1-ᾱ), λ = log(α/σ) and h = λ_next - λ:
 * x_next = (σ_next/σ)·x - α_next·(e^{-h} - 1)·D, where D = x̂_0 at the first step and
 * D = (1 + 1/(2r))·x̂_0 - 1/(2r)·x̂_0,prev with r = h_prev/h afterwards. The final step to clean data
 * (σ_next = 0) is first order: x = x̂_0.
 */
public final class DpmSolverPlusPlus2M implements DiffusionSolver {

    private final NoiseSchedule schedule;
    private float[] previousX0;
    private double previousH;

    public DpmSolverPlusPlus2M(NoiseSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void step(int k, int[] grid, float[] x, float[] eps) {
        double a = schedule.alphaBar(grid[k]);
        double an = schedule.alphaBar(grid[k + 1]);
        double alpha = Math.sqrt(a);
        double sigma = Math.sqrt(1 - a);
        float[] x0 = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x0[i] = (float) ((x[i] - sigma * eps[i]) / alpha);
        }
        if (an >= 1.0) {
            System.arraycopy(x0, 0, x, 0, x.length);
            previousX0 = x0;
            return;
        }
        double alphaNext = Math.sqrt(an);
        double sigmaNext = Math.sqrt(1 - an);
        double h = Math.log(alphaNext / sigmaNext) - Math.log(alpha / sigma);
        double c0 = 1.0;
        double c1 = 0.0;
        if (previousX0 != null) {
            double r = previousH / h;
            c0 = 1 + 1 / (2 * r);
            c1 = -1 / (2 * r);
        }
        double ratio = sigmaNext / sigma;
        double coef = -alphaNext * Math.expm1(-h);
        for (int i = 0; i < x.length; i++) {
            double d = c0 * x0[i] + (previousX0 == null ? 0 : c1 * previousX0[i]);
            x[i] = (float) (ratio * x[i] + coef * d);
        }
        previousX0 = x0;
        previousH = h;
    }

    @Override
    public DiffusionSolver fresh() {
        return new DpmSolverPlusPlus2M(schedule);
    }
}
