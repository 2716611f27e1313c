package org.acdit4j.model.diffusion;

import org.acdit4j.model.core.HostRandom;

/**
 * What an objective fixes on the host: the noise levels a training block is drawn at, the regression target of the
 * network at a noised value, the min-SNR weight, the sampling grid, and how a solver reads the network's output
 * back as estimates of the data x₀ and the noise ε. The network, SCAM and the KV-cache do not depend on it.
 */
public interface DiffusionProcess {

    /** The noise level of one training block, drawn from {@code random}. */
    NoiseLevel drawTrainingLevel(HostRandom random);

    /** The network's target for one value noised as {@code α·x0 + σ·eps} at {@code level}. */
    double target(double x0, double eps, NoiseLevel level);

    /**
     * The min-SNR-γ loss weight of a block at {@code level} (Hang et al. 2023, "Efficient Diffusion Training via
     * Min-SNR Weighting Strategy": the x₀-loss clamped at γ, expressed for this objective's target).
     */
    double minSnrWeight(NoiseLevel level, double gamma);

    /** The {@code steps + 1} levels of a {@code steps}-step sampler, from pure noise to {@link NoiseLevel#CLEAN}. */
    NoiseLevel[] samplingGrid(int steps);

    /** x̂₀ from the network's {@code prediction} at the point {@code x} of {@code level}. */
    double dataEstimate(double prediction, double x, NoiseLevel level);

    /** ε̂ from the network's {@code prediction} at the point {@code x} of {@code level}. */
    double noiseEstimate(double prediction, double x, NoiseLevel level);
}
