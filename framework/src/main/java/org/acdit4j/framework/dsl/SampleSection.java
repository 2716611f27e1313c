package org.acdit4j.framework.dsl;

import org.acdit4j.framework.model.SamplerConfig;
import org.acdit4j.framework.spec.SampleSpec;

/**
 * {@code sample}: what every model's evaluation samples share (guidance, KV-cache, batch); the model plugin's own
 * settings ({@link SamplerSection}) live under the same {@code sample.} keys and are set with
 * {@code e.sampler(Type, s -> …)}.
 */
public final class SampleSection extends Section {

    double guidance = 1.5;
    boolean kvCache = true;
    int batch = 100;

    public SampleSection guidance(double scale) {
        this.guidance = scale;
        return this;
    }

    public SampleSection kvCache(boolean enabled) {
        this.kvCache = enabled;
        return this;
    }

    public SampleSection batch(int imagesPerCall) {
        this.batch = imagesPerCall;
        return this;
    }

    @Override
    protected String key() {
        return "sample";
    }

    @Override
    protected void validate(Problems problems) {
        problems.require(guidance >= 0 && Double.isFinite(guidance), "sample.guidance", "must be >= 0, got " + guidance);
        problems.require(batch >= 1, "sample.batch", "must be at least 1, got " + batch);
    }

    SampleSpec freeze(SamplerConfig sampler) {
        return new SampleSpec(sampler, guidance, kvCache, batch);
    }
}
