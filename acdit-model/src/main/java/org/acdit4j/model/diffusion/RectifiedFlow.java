package org.acdit4j.model.diffusion;

import org.acdit4j.model.core.HostRandom;

/**
 * Flow matching on the straight path x_t = (1 - t)·x₀ + t·ε, t ∈ [0, 1] (rectified flow: Liu et al. 2022, "Flow
 * Straight and Fast"; Lipman et al. 2022, "Flow Matching for Generative Modeling"; in a DiT as SiT, Ma et al. 2024,
 * the "Linear" interpolant with velocity prediction), with the network predicting the velocity v = dx_t/dt = ε - x₀.
 * Training times are logit-normal, t = sigmoid(n) with n ~ N(0, 1) (Esser et al. 2024, "Scaling Rectified Flow
 * Transformers", Sec. 3.1, their best "lognorm(0, 1)"), which puts most blocks in the middle of the path. The network
 * sees 1000·t, as SD3 does, so its timestep features span the DDPM range. In the common notation α = 1 - t, σ = t;
 * x̂₀ = x - t·v̂ and ε̂ = x + (1 - t)·v̂. Sampling integrates dx/dt = v from t = 1 to 0 on a uniform grid.
 */
public final class RectifiedFlow implements DiffusionProcess {

    /** The factor from flow time t to the network's timestep input. */
    public static final double MODEL_TIME_SCALE = 1000;

    /** The level at flow time {@code t} ∈ [0, 1]. */
    public static NoiseLevel level(double t) {
        return new NoiseLevel(MODEL_TIME_SCALE * t, 1 - t, t);
    }

    @Override
    public NoiseLevel drawTrainingLevel(HostRandom random) {
        return level(1 / (1 + Math.exp(-random.nextGaussian())));
    }

    @Override
    public double target(double x0, double eps, NoiseLevel level) {
        return eps - x0;
    }

    /**
     * Min-SNR-γ carried over from the DDPM objectives as Hang et al. derive it there: the x₀-loss clamped at γ. With
     * x̂₀ = x - t·v̂ the velocity loss is the x₀-loss over t², so the weight is t²·min(SNR, γ) = min((1 - t)², γ·t²),
     * SNR = ((1 - t)/t)². Like v-prediction's it vanishes at pure noise (t = 1) and at clean data.
     */
    @Override
    public double minSnrWeight(NoiseLevel level, double gamma) {
        double t = level.sigma();
        return t * t * Math.min(level.snr(), gamma);
    }

    @Override
    public NoiseLevel[] samplingGrid(int steps) {
        NoiseLevel[] levels = new NoiseLevel[steps + 1];
        for (int k = 0; k <= steps; k++) {
            levels[k] = level((double) (steps - k) / steps);
        }
        return levels;
    }

    @Override
    public double dataEstimate(double prediction, double x, NoiseLevel level) {
        return x - level.sigma() * prediction;
    }

    @Override
    public double noiseEstimate(double prediction, double x, NoiseLevel level) {
        return x + level.alpha() * prediction;
    }

    /** Flow time of {@code level}. */
    static double time(NoiseLevel level) {
        return level.sigma();
    }
}
