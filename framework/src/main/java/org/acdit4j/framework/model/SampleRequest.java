package org.acdit4j.framework.model;

/**
 * How to draw samples: one image per entry of {@code labels} (a label equal to the number of classes asks for
 * an unconditional sample), the model's own sampler settings, the classifier-free guidance scale (1 = no
 * guidance), the seed of the initial noise, whether to use the KV-cache and whether to use the EMA weights.
 */
public record SampleRequest(int[] labels, SamplerConfig sampler, double guidance, long seed, boolean kvCache,
                            boolean ema) {

    public SampleRequest {
        if (labels.length == 0) {
            throw new IllegalArgumentException("sample request needs at least one label");
        }
        labels = labels.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    public int count() {
        return labels.length;
    }
}
