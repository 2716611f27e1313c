package org.acdit4j.model.diffusion;

/**
 * One noise level of a Gaussian diffusion path, x = α·x₀ + σ·ε: the time the network is told (the input of its
 * sinusoidal timestep features) and the path's two coefficients there. Clean data is α = 1, σ = 0.
 *
 * @param modelTime the network's timestep input: the DDPM step 0..999, or 1000·t for the rectified flow
 * @param alpha     the data coefficient α
 * @param sigma     the noise coefficient σ
 */
public record NoiseLevel(double modelTime, double alpha, double sigma) {

    /** The clean end of every path. */
    public static final NoiseLevel CLEAN = new NoiseLevel(0, 1, 0);

    /** Signal-to-noise ratio α²/σ². */
    public double snr() {
        return alpha * alpha / (sigma * sigma);
    }
}
