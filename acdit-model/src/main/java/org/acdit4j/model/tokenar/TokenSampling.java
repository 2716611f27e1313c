package org.acdit4j.model.tokenar;

import org.acdit4j.framework.model.SamplerConfig;

/**
 * How the token-AR model draws each code from its (guided) logits: softmax at {@code temperature} over the
 * {@code topK} most likely codes (0 = all codes).
 */
public record TokenSampling(double temperature, int topK) implements SamplerConfig {

    public TokenSampling {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("sample.temperature must be positive, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("sample.topK must be 0 (all codes) or positive, got " + topK);
        }
    }

    /** {@code sampler} as token-AR settings; a one-line error if another model's settings reached this model. */
    public static TokenSampling of(SamplerConfig sampler) {
        if (sampler instanceof TokenSampling tokens) {
            return tokens;
        }
        throw new IllegalArgumentException("the token-ar model samples codes with sample.temperature and sample.topK, got "
                + sampler);
    }
}
