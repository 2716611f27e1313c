package org.acdit4j.model.tokenar;

import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.dsl.SamplerSection;

/**
 * The token-AR baseline's part of {@code sample}: temperature and top-k of each code's draw. The defaults (temperature
 * 0.7, all codes) are the simplest setting within noise of the best class agreement of the {@code token-ar-sampling}
 * probe (docs/TOKEN_AR.md).
 */
public final class TokenSamplerSection extends SamplerSection {

    double temperature = 0.7;
    int topK = 0;

    TokenSamplerSection() {
    }

    public TokenSamplerSection temperature(double temperature) {
        this.temperature = temperature;
        return this;
    }

    /** Draw among the k most likely codes only; 0 = all codes. */
    public TokenSamplerSection topK(int k) {
        this.topK = k;
        return this;
    }

    @Override
    protected void validate(Problems problems) {
        problems.require(temperature > 0 && temperature <= 10, "sample.temperature",
                "must be in (0, 10], got " + temperature);
        problems.require(topK >= 0, "sample.topK", "must be 0 (all codes) or positive, got " + topK);
    }

    @Override
    protected TokenSampling freeze() {
        return new TokenSampling(temperature, topK);
    }
}
