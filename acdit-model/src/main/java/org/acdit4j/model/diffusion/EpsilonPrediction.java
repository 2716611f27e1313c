package org.acdit4j.model.diffusion;

/**
 * The paper's objective: DDPM with ε-prediction (Ho et al. 2020, "Denoising Diffusion Probabilistic Models", the
 * simple loss of Eq. 14). The target is ε; x̂₀ = (x - σ·ε̂)/α. Min-SNR-γ: the ε-loss equals SNR times the x₀-loss,
 * so the weight is min(SNR, γ)/SNR (Hang et al. 2023).
 */
public final class EpsilonPrediction extends DdpmProcess {

    public EpsilonPrediction(NoiseSchedule schedule) {
        super(schedule);
    }

    @Override
    public double target(double x0, double eps, NoiseLevel level) {
        return eps;
    }

    @Override
    public double minSnrWeight(NoiseLevel level, double gamma) {
        double snr = level.snr();
        return Math.min(snr, gamma) / snr;
    }

    @Override
    public double dataEstimate(double prediction, double x, NoiseLevel level) {
        return (x - level.sigma() * prediction) / level.alpha();
    }

    @Override
    public double noiseEstimate(double prediction, double x, NoiseLevel level) {
        return prediction;
    }
}
