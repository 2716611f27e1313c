package org.acdit4j.model.diffusion;

/**
 * The DDPM forward process: T = 1000 steps, betas linear from 1e-4 to 0.02, ᾱ_t = Π(1 - β_s).
 * Noising is x_t = √ᾱ_t·x_0 + √(1-ᾱ_t)·ε.
 */
public final class NoiseSchedule {

    private final double[] alphaBar;

    public NoiseSchedule(int steps, double betaStart, double betaEnd) {
        alphaBar = new double[steps];
        double prod = 1.0;
        for (int t = 0; t < steps; t++) {
            double beta = steps == 1 ? betaStart : betaStart + (betaEnd - betaStart) * t / (steps - 1);
            prod *= 1.0 - beta;
            alphaBar[t] = prod;
        }
    }

    /** The paper's schedule. */
    public static NoiseSchedule ddpm() {
        return new NoiseSchedule(1000, 1e-4, 0.02);
    }

    public int steps() {
        return alphaBar.length;
    }

    /** ᾱ_t; t = -1 means the clean data (ᾱ = 1). */
    public double alphaBar(int t) {
        return t < 0 ? 1.0 : alphaBar[t];
    }

    /**
     * The evaluation timesteps of a {@code steps}-step sampler, evenly spaced from T-1 down, followed by the
     * terminal -1 (clean): length steps + 1.
     */
    public int[] samplingGrid(int steps) {
        int[] grid = new int[steps + 1];
        for (int k = 0; k < steps; k++) {
            grid[k] = (int) Math.round((double) (alphaBar.length - 1) * (steps - k) / steps);
        }
        grid[steps] = -1;
        return grid;
    }
}
