package org.acdit4j.model.diffusion;

/** DDIM (η = 0): x_next = √ᾱ_next·x̂_0 + √(1-ᾱ_next)·ε with x̂_0 = (x - √(1-ᾱ)·ε)/√ᾱ. */
public final class DdimSolver implements DiffusionSolver {

    private final NoiseSchedule schedule;

    public DdimSolver(NoiseSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void step(int k, int[] grid, float[] x, float[] eps) {
        double a = schedule.alphaBar(grid[k]);
        double an = schedule.alphaBar(grid[k + 1]);
        double sa = Math.sqrt(a);
        double ss = Math.sqrt(1 - a);
        double san = Math.sqrt(an);
        double ssn = Math.sqrt(1 - an);
        for (int i = 0; i < x.length; i++) {
            double x0 = (x[i] - ss * eps[i]) / sa;
            x[i] = (float) (san * x0 + ssn * eps[i]);
        }
    }

    @Override
    public DiffusionSolver fresh() {
        return new DdimSolver(schedule);
    }
}
