package org.acdit4j.framework.spec;

import org.acdit4j.framework.model.SamplerConfig;

/**
 * The sample section: how evaluation samples are drawn.
 *
 * @param sampler  the model plugin's own settings (e.g. diffusion solver and steps per block)
 * @param guidance classifier-free guidance scale (1 = none)
 * @param kvCache  reuse the keys/values of finished blocks
 * @param batch    images per sampling call
 */
public record SampleSpec(SamplerConfig sampler, double guidance, boolean kvCache, int batch) {
}
