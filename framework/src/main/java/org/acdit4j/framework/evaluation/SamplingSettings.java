package org.acdit4j.framework.evaluation;

import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.model.SamplerConfig;

/**
 * How evaluators ask the model for samples: the model's sampler settings, classifier-free guidance scale
 * (1 = none), KV-cache on or off, EMA weights or not. The labels and seed vary per request.
 */
public record SamplingSettings(SamplerConfig sampler, double guidance, boolean kvCache, boolean ema) {

    /** A request for one sample per entry of {@code labels} drawn from {@code seed}. */
    public SampleRequest request(int[] labels, long seed) {
        return new SampleRequest(labels, sampler, guidance, seed, kvCache, ema);
    }

    /** The same settings with the KV-cache switched as given. */
    public SamplingSettings withKvCache(boolean enabled) {
        return new SamplingSettings(sampler, guidance, enabled, ema);
    }
}
