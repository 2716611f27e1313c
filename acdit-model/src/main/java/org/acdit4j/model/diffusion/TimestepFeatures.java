package org.acdit4j.model.diffusion;

/** The sinusoidal timestep features of DiT/GLIDE: [cos(t·f_k), sin(t·f_k)], f_k = 10000^(-k/half). */
public final class TimestepFeatures {

    private TimestepFeatures() {
    }

    /** Writes the features of {@code t} into {@code out[offset .. offset+size)}. */
    public static void write(double t, int size, double[] out, int offset) {
        int half = size / 2;
        for (int k = 0; k < half; k++) {
            double arg = t * Math.exp(-Math.log(10000.0) * k / half);
            out[offset + k] = Math.cos(arg);
            out[offset + half + k] = Math.sin(arg);
        }
    }
}
