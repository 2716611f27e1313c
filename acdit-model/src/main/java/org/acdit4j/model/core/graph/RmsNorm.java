package org.acdit4j.model.core.graph;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * RMSNorm over the last axis with a learned gain: x / sqrt(mean(x²) + ε) · g.
 *
 * <p>In a differentiated graph the per-row scale and the per-column gain are applied as one elementwise
 * product with their outer product {@code inv · gᵀ}, a K = 1 matmul: broadcasting them makes SameDiff M2.1's
 * {@code multiply_bp} reduce over the broadcast axis, which measured ~6× slower than the matmul's backward
 * (docs/PERFORMANCE.md). Without a backward pass the two broadcast products are cheaper.
 */
public final class RmsNorm {

    public static final double EPS = 1e-6;

    private RmsNorm() {
    }

    /** x: (R, F), gain: (F) → (R, F). */
    public static SDVariable apply(SameDiff sd, SDVariable x, SDVariable gain, boolean differentiated) {
        SDVariable ms = x.mul(x).mean(true, 1);                      // (R, 1)
        SDVariable inv = sd.math.rsqrt(ms.add(EPS));                  // (R, 1)
        if (!differentiated) {
            return x.mul(inv).mul(gain);                              // (R, F)
        }
        SDVariable scale = inv.mmul(gain.reshape(1, -1));             // (R, F) = (R, 1) · (1, F)
        return x.mul(scale);                                          // (R, F)
    }
}
