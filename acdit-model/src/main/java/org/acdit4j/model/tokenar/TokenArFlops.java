package org.acdit4j.model.tokenar;

/**
 * Analytic floating-point operation counts (a multiply-add = 2 FLOPs) of the token-AR graphs as built, with
 * ACDiT's conventions ({@code AcditFlops}) so the equal-compute comparison applies. Per step and layer: linears
 * 2·(4D² + 2·M·D), QK-norm and RoPE rotation 4·D·hd, attention 4·Lk·D for Lk keys (masked entries included:
 * they are computed densely). Per step: the one-hot embedding 2·V·D and the output head 2·D·K. A training step
 * is 3× its forward pass (backward ≈ 2× forward).
 */
public final class TokenArFlops {

    private final TokenArConfig config;

    public TokenArFlops(TokenArConfig config) {
        this.config = config;
    }

    /** Forward FLOPs of {@code steps} query steps of one sequence, each attending {@code keys} keys. */
    double steps(double steps, double keys) {
        double d = config.width();
        double perLayer = 2 * (4 * d * d + 2 * config.mlpWidth() * d) + 4 * d * config.headDim() + 4 * keys * d;
        return steps * (config.depth() * perLayer + 2 * config.vocabulary() * d + 2 * d * config.codes());
    }

    public double trainStep(int batch) {
        int l = config.length();
        return 3 * batch * steps(l, l);
    }

    /**
     * One image: L steps, each over one new input attending s + 1 keys with the cache, or over the whole prefix
     * of s + 1 steps without it; twice with classifier-free guidance (conditional and unconditional sequences).
     */
    public double samplePerImage(double guidance, boolean kvCache) {
        double sequences = guidance != 1.0 ? 2 : 1;
        double total = 0;
        for (int s = 0; s < config.length(); s++) {
            total += kvCache ? steps(1, s + 1) : steps(s + 1, s + 1);
        }
        return sequences * total;
    }
}
