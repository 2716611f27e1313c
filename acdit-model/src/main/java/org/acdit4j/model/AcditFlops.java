package org.acdit4j.model;

/**
 * Analytic floating-point operation counts (a multiply-add = 2 FLOPs) of the graphs as built, masked
 * attention entries included (they are computed densely). Per query token and layer:
 * linears 2·(4D² + 2·M·D), QK-norm RoPE rotation 4·D·hd, attention 4·Lk·D (QKᵀ and A·V) for Lk keys.
 * Per token: patch embedding 2·P·D; per noised token: output 2·D·P. Per condition row (one per image and
 * block): timestep MLP 2·(256·D + D²), adaLN 2·D·6D per layer and 2·D·2D in the final layer. A training
 * step is 3× the forward pass (backward ≈ 2× forward).
 */
public final class AcditFlops {

    private final AcditConfig config;

    public AcditFlops(AcditConfig config) {
        this.config = config;
    }

    /** Forward FLOPs of {@code tokens} query tokens per image, each attending {@code keys} keys on average. */
    double tokens(double tokens, double keys, boolean noised) {
        double d = config.width();
        double perLayer = 2 * (4 * d * d + 2 * config.mlpWidth() * d) + 4 * d * config.headDim() + 4 * keys * d;
        double p = config.layout().tokenSize();
        return tokens * (config.depth() * perLayer + 2 * p * d + (noised ? 2 * d * p : 0));
    }

    /** Forward FLOPs of the conditioning of {@code rows} (image, block) pairs. */
    double conditions(double rows) {
        double d = config.width();
        return rows * (2 * (AcditConfig.FREQUENCY_SIZE * d + d * d) + config.depth() * 2 * d * 6 * d + 2 * d * 2 * d)
                + 2 * (config.classes() + 1) * d;
    }

    public double trainStep(int batch) {
        int n = config.layout().blocks();
        int b = config.layout().blockSize();
        int lc = (n - 1) * b;
        int ln = n * b;
        double forward = tokens(lc, lc, false) + tokens(ln, lc + ln, true) + conditions(n);
        return 3 * batch * forward;
    }

    /**
     * One image drawn with {@code evaluations} noised passes per block over {@code steps} solver steps (a second-order
     * single-step solver evaluates more often than it steps); without the cache the clean prefix is recomputed once
     * per step.
     */
    public double samplePerImage(int evaluations, int steps, double guidance, boolean kvCache) {
        int n = config.layout().blocks();
        int b = config.layout().blockSize();
        double halves = guidance != 1.0 ? 2 : 1;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double noisedStep = halves * (tokens(b, i * b + b, true) + conditions(1));
            total += evaluations * noisedStep;
            if (kvCache) {
                total += i < n - 1 ? tokens(b, i * b + b, false) : 0;
            } else {
                total += i > 0 ? steps * tokens(i * b, i * b, false) : 0;
            }
        }
        return total;
    }
}
