package org.acdit4j.framework.spec;

/**
 * The sample section: how evaluation samples are drawn.
 *
 * @param solver   {@code ddim} or {@code dpm-solver++}
 * @param steps    solver steps per block
 * @param guidance classifier-free guidance scale (1 = none)
 * @param kvCache  reuse the keys/values of finished blocks
 * @param batch    images per sampling call
 */
public record SampleSpec(String solver, int steps, double guidance, boolean kvCache, int batch) {
}
