package org.acdit4j.framework.evaluation;

import org.acdit4j.framework.model.SampleRequest;

/**
 * How evaluators ask the model for samples: solver and steps per block, classifier-free guidance scale
 * (1 = none), KV-cache on or off, EMA weights or not. The labels and seed vary per request.
 */
public record SamplingSettings(String solver, int steps, double guidance, boolean kvCache, boolean ema) {

    /** A request for one sample per entry of {@code labels} drawn from {@code seed}. */
    public SampleRequest request(int[] labels, long seed) {
        return new SampleRequest(labels, solver, steps, guidance, seed, kvCache, ema);
    }

    /** The same settings with the KV-cache switched as given. */
    public SamplingSettings withKvCache(boolean enabled) {
        return new SamplingSettings(solver, steps, guidance, enabled, ema);
    }
}
