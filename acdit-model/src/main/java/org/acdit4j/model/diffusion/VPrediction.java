package org.acdit4j.model.diffusion;

/**
 * v-prediction on the paper's DDPM schedule (Salimans and Ho 2022, "Progressive Distillation for Fast Sampling of
 * Diffusion Models", Sec. 4 and App. D): the target is v = α·ε - σ·x₀. With α² + σ² = 1 the estimates are
 * x̂₀ = α·x - σ·v̂ and ε̂ = σ·x + α·v̂. Min-SNR-γ: the v-loss equals (SNR + 1) times the x₀-loss, so the weight is
 * min(SNR, γ)/(SNR + 1) (Hang et al. 2023, Sec. 3.4).
 */
public final class VPrediction extends DdpmProcess {

    public VPrediction(NoiseSchedule schedule) {
        super(schedule);
    }

    @Override
    public double target(double x0, double eps, NoiseLevel level) {
        return level.alpha() * eps - level.sigma() * x0;
    }

    @Override
    public double minSnrWeight(NoiseLevel level, double gamma) {
        double snr = level.snr();
        return Math.min(snr, gamma) / (snr + 1);
    }

    @Override
    public double dataEstimate(double prediction, double x, NoiseLevel level) {
        return level.alpha() * x - level.sigma() * prediction;
    }

    @Override
    public double noiseEstimate(double prediction, double x, NoiseLevel level) {
        return level.sigma() * x + level.alpha() * prediction;
    }
}
