package org.acdit4j.model.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exponential moving average of the weights with warm-up: decay_k = min(decay, (1 + k)/(10 + k)), so the
 * zero-initialised network is forgotten within a few hundred steps.
 */
public final class Ema {

    private final double decay;
    private final Map<String, INDArray> shadow = new LinkedHashMap<>();

    public Ema(double decay, Map<String, INDArray> params) {
        this.decay = decay;
        params.forEach((name, p) -> shadow.put(name, p.dup()));
    }

    public static double decayAt(double decay, long k) {
        return Math.min(decay, (1.0 + k) / (10.0 + k));
    }

    /** Folds the current weights in after optimizer step {@code k} (0-based). */
    public void update(Map<String, INDArray> params, long k) {
        double d = decayAt(decay, k);
        params.forEach((name, p) -> shadow.get(name).muli(d).addi(p.mul(1 - d)));
    }

    public Map<String, INDArray> weights() {
        return shadow;
    }
}
