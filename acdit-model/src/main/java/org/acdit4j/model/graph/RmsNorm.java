package org.acdit4j.model.graph;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** RMSNorm over the last axis with a learned gain: x / sqrt(mean(x²) + ε) · g. */
final class RmsNorm {

    static final double EPS = 1e-6;

    private RmsNorm() {
    }

    /** x: (R, F), gain: (F) → (R, F). */
    static SDVariable apply(SameDiff sd, SDVariable x, SDVariable gain) {
        SDVariable ms = x.mul(x).mean(true, 1);                      // (R, 1)
        SDVariable inv = sd.math.rsqrt(ms.add(EPS));                  // (R, 1)
        return x.mul(inv).mul(gain);                                  // (R, F)
    }
}
