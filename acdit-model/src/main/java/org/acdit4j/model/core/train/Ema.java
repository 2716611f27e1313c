package org.acdit4j.model.core.train;

import java.util.Map;
import org.acdit4j.model.core.graph.ParameterVector;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exponential moving average of the weights with warm-up: decay_k = min(decay, (1 + k)/(10 + k)), so the
 * zero-initialised network is forgotten within a few hundred steps. Kept as one vector laid out as the weights.
 */
public final class Ema {

    private final double decay;
    private final ParameterVector shadow;

    public Ema(double decay, ParameterVector params) {
        this.decay = decay;
        this.shadow = params.copy();
    }

    public static double decayAt(double decay, long k) {
        return Math.min(decay, (1.0 + k) / (10.0 + k));
    }

    /** Folds the current weights {@code params} (N) in after optimizer step {@code k} (0-based). */
    public void update(INDArray params, long k) {
        double d = decayAt(decay, k);
        INDArray scaled = params.mul(1 - d);
        shadow.vector().muli(d).addi(scaled);
        scaled.close();
    }

    /** The averaged weights as one vector. */
    public ParameterVector vector() {
        return shadow;
    }

    /** The averaged weights by name (views of {@link #vector}). */
    public Map<String, INDArray> weights() {
        return shadow.views();
    }
}
