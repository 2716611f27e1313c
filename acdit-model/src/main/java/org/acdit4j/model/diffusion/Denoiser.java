package org.acdit4j.model.diffusion;

/** The network as a solver calls it: its (guided) prediction for one block of every image at one grid point. */
@FunctionalInterface
public interface Denoiser {

    /** The raw prediction (ε, v or velocity, by objective) at grid point {@code point} for the values {@code x}. */
    float[] predict(int point, float[] x);
}
